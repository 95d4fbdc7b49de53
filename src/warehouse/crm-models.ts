/**
 * Score write-back to the CRM: the lead scores in the import shapes of HubSpot (contacts, keyed by
 * "Record ID") and Salesforce (leads, keyed by "Id", with custom fields named `RevLens_…__c`).
 * Lead ids are the CRM's record ids when the data came from that CRM.
 */
import { caseWhen, col, select, source, str, type Expr, type Query } from './sql/ast';

export const CRM_SHAPES = ['hubspot', 'salesforce'] as const;
export type CrmShape = (typeof CRM_SHAPES)[number];

/** Column names of each shape, in order: record id, fit, intent, ICP tier, intent tier, route, model stage. */
export const CRM_COLUMNS: Readonly<Record<CrmShape, readonly string[]>> = {
  hubspot: [
    'Record ID',
    'RevLens Fit Score',
    'RevLens Intent Score',
    'RevLens ICP Tier',
    'RevLens Intent Tier',
    'RevLens Route',
    'RevLens Model Stage',
  ],
  salesforce: [
    'Id',
    'RevLens_Fit_Score__c',
    'RevLens_Intent_Score__c',
    'RevLens_ICP_Tier__c',
    'RevLens_Intent_Tier__c',
    'RevLens_Route__c',
    'RevLens_Model_Stage__c',
  ],
};

/** The model stage name from the stage flags: sqo, sql, mql or lead. */
export function modelStageSql(s: string): Expr {
  const flag = (name: string) => col(s, name);
  return caseWhen(
    [
      [flag('is_sqo'), str('sqo')],
      [flag('is_sql'), str('sql')],
      [flag('is_mql'), str('mql')],
    ],
    str('lead'),
  );
}

/** A query over the `revlens_lead_scores` model giving the CRM's import columns. */
export function crmScoresQuery(shape: CrmShape, scoresTable = 'revlens_lead_scores'): Query {
  const names = CRM_COLUMNS[shape];
  const values: Expr[] = [
    col('s', 'lead_id'),
    col('s', 'fit'),
    col('s', 'intent'),
    col('s', 'icp_tier'),
    col('s', 'intent_tier'),
    col('s', 'route'),
    modelStageSql('s'),
  ];
  return {
    ctes: [],
    body: select({ columns: values.map((e, k) => ({ e, as: names[k]! })), from: source(scoresTable, 's') }),
  };
}
