WITH lead_opportunities AS (
  SELECT
    `o`.`lead_id` AS `lead_id`,
    MAX(CASE WHEN (CAST(UNIX_MILLIS(`o`.`created_at`) AS FLOAT64) <= 1794787199999) THEN 1 ELSE 0 END) AS `has_sqo`,
    MAX(CASE WHEN (((CAST(UNIX_MILLIS(`o`.`created_at`) AS FLOAT64) <= 1794787199999) AND COALESCE((CAST(UNIX_MILLIS(`o`.`close_date`) AS FLOAT64) <= 1794787199999), TRUE)) AND (`o`.`status` = 'won')) THEN 1 ELSE 0 END) AS `has_won`,
    MAX(CASE WHEN (((CAST(UNIX_MILLIS(`o`.`created_at`) AS FLOAT64) <= 1794787199999) AND COALESCE((CAST(UNIX_MILLIS(`o`.`close_date`) AS FLOAT64) <= 1794787199999), TRUE)) AND (`o`.`status` = 'lost')) THEN 1 ELSE 0 END) AS `has_lost`
  FROM `opportunities` AS `o`
  WHERE (`o`.`lead_id` IS NOT NULL)
  GROUP BY `o`.`lead_id`
),
recorded AS (
  SELECT
    `l`.`source` AS `source`,
    ((CAST((CASE WHEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) >= 2) THEN CAST(EXTRACT(YEAR FROM `l`.`created_at`) AS INT64) ELSE (CAST(EXTRACT(YEAR FROM `l`.`created_at`) AS INT64) - 1) END + 1) AS STRING) || '-Q') || CAST(CASE WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) - 2) + 12) END < 3) THEN 1 WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) - 2) + 12) END < 6) THEN 2 WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `l`.`created_at`) AS INT64) - 2) + 12) END < 9) THEN 3 ELSE 4 END AS STRING)) AS `created_quarter`,
    CASE WHEN (CAST(UNIX_MILLIS(`l`.`mql_at`) AS FLOAT64) <= 1794787199999) THEN TRUE ELSE FALSE END AS `r_mql`,
    CASE WHEN (CAST(UNIX_MILLIS(`l`.`sal_at`) AS FLOAT64) <= 1794787199999) THEN TRUE ELSE FALSE END AS `r_sal`,
    CASE WHEN (CAST(UNIX_MILLIS(`l`.`sql_at`) AS FLOAT64) <= 1794787199999) THEN TRUE ELSE FALSE END AS `r_sql`,
    CASE WHEN (CAST(UNIX_MILLIS(`l`.`disqualified_at`) AS FLOAT64) <= 1794787199999) THEN TRUE ELSE FALSE END AS `r_disqualified`,
    CASE WHEN (COALESCE((CAST(UNIX_MILLIS(`l`.`sqo_at`) AS FLOAT64) <= 1794787199999), FALSE) OR (COALESCE(`op`.`has_sqo`, 0) = 1)) THEN TRUE ELSE FALSE END AS `r_sqo`,
    CASE WHEN (COALESCE((CAST(UNIX_MILLIS(`l`.`won_at`) AS FLOAT64) <= 1794787199999), FALSE) OR (COALESCE(`op`.`has_won`, 0) = 1)) THEN TRUE ELSE FALSE END AS `r_won`,
    CASE WHEN ((NOT (COALESCE((CAST(UNIX_MILLIS(`l`.`won_at`) AS FLOAT64) <= 1794787199999), FALSE) OR (COALESCE(`op`.`has_won`, 0) = 1))) AND (COALESCE((CAST(UNIX_MILLIS(`l`.`lost_at`) AS FLOAT64) <= 1794787199999), FALSE) OR (COALESCE(`op`.`has_lost`, 0) = 1))) THEN TRUE ELSE FALSE END AS `r_lost`
  FROM `leads` AS `l`
  LEFT JOIN lead_opportunities AS `op` ON (`op`.`lead_id` = `l`.`id`)
  WHERE ((NOT COALESCE(`l`.`is_bot`, FALSE)) AND (CAST(UNIX_MILLIS(`l`.`created_at`) AS FLOAT64) <= 1794787199999))
)
SELECT
  'inclusive' AS `mode`,
  `r`.`source` AS `source`,
  `r`.`created_quarter` AS `created_quarter`,
  SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) AS `leads`,
  SUM(CASE WHEN (((((`r`.`r_mql` OR `r`.`r_sal`) OR `r`.`r_sql`) OR `r`.`r_sqo`) OR `r`.`r_won`) OR `r`.`r_lost`) THEN 1 ELSE 0 END) AS `mql`,
  SUM(CASE WHEN ((((`r`.`r_sal` OR `r`.`r_sql`) OR `r`.`r_sqo`) OR `r`.`r_won`) OR `r`.`r_lost`) THEN 1 ELSE 0 END) AS `sal`,
  SUM(CASE WHEN (((`r`.`r_sql` OR `r`.`r_sqo`) OR `r`.`r_won`) OR `r`.`r_lost`) THEN 1 ELSE 0 END) AS `sql`,
  SUM(CASE WHEN ((`r`.`r_sqo` OR `r`.`r_won`) OR `r`.`r_lost`) THEN 1 ELSE 0 END) AS `sqo`,
  SUM(CASE WHEN `r`.`r_won` THEN 1 ELSE 0 END) AS `won`,
  SUM(CASE WHEN `r`.`r_lost` THEN 1 ELSE 0 END) AS `lost`,
  SUM(CASE WHEN `r`.`r_disqualified` THEN 1 ELSE 0 END) AS `disqualified`
FROM recorded AS `r`
GROUP BY `r`.`source`, `r`.`created_quarter`
UNION ALL
SELECT
  'strict' AS `mode`,
  `r`.`source` AS `source`,
  `r`.`created_quarter` AS `created_quarter`,
  SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) AS `leads`,
  SUM(CASE WHEN `r`.`r_mql` THEN 1 ELSE 0 END) AS `mql`,
  SUM(CASE WHEN `r`.`r_sal` THEN 1 ELSE 0 END) AS `sal`,
  SUM(CASE WHEN `r`.`r_sql` THEN 1 ELSE 0 END) AS `sql`,
  SUM(CASE WHEN `r`.`r_sqo` THEN 1 ELSE 0 END) AS `sqo`,
  SUM(CASE WHEN `r`.`r_won` THEN 1 ELSE 0 END) AS `won`,
  SUM(CASE WHEN `r`.`r_lost` THEN 1 ELSE 0 END) AS `lost`,
  SUM(CASE WHEN `r`.`r_disqualified` THEN 1 ELSE 0 END) AS `disqualified`
FROM recorded AS `r`
GROUP BY `r`.`source`, `r`.`created_quarter`
