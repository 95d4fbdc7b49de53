WITH revlens_as_of AS (
  SELECT
    GREATEST(COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`created_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`mql_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`sal_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`sql_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`sqo_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`won_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`lost_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`disqualified_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`recycled_at`) AS FLOAT64)) AS `m` FROM `leads` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`at`) AS FLOAT64)) AS `m` FROM `activities` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`created_at`) AS FLOAT64)) AS `m` FROM `opportunities` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`entered_at`) AS FLOAT64)) AS `m` FROM `opportunity_stages` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`at`) AS FLOAT64)) AS `m` FROM `opportunity_history` AS `t`), (-8640000000000000)), COALESCE((SELECT MAX(CAST(UNIX_MILLIS(`t`.`close_date`) AS FLOAT64)) AS `m` FROM `opportunities` AS `t` WHERE (`t`.`status` <> 'open')), (-8640000000000000))) AS `as_of_ms`
),
last_close_entry AS (
  SELECT
    `h`.`opportunity_id` AS `opportunity_id`,
    MAX(`h`.`entered_at`) AS `closed_entry_at`
  FROM `opportunity_stages` AS `h`
  WHERE (`h`.`stage` IN ('won', 'lost'))
  GROUP BY `h`.`opportunity_id`
),
last_stage_entry AS (
  SELECT
    `h`.`opportunity_id` AS `opportunity_id`,
    `h`.`stage` AS `stage`,
    ROW_NUMBER() OVER (PARTITION BY `h`.`opportunity_id` ORDER BY (0 - CAST(UNIX_MILLIS(`h`.`entered_at`) AS FLOAT64))) AS `rn`
  FROM `opportunity_stages` AS `h`
  WHERE (CAST(UNIX_MILLIS(`h`.`entered_at`) AS FLOAT64) <= (SELECT `ao`.`as_of_ms` AS `as_of_ms` FROM revlens_as_of AS `ao`))
),
opportunity_state AS (
  SELECT
    `o`.`id` AS `id`,
    `o`.`amount` AS `amount`,
    `o`.`close_date` AS `close_date`,
    CASE WHEN (`o`.`status` = 'open') THEN NULL ELSE COALESCE(`o`.`close_date`, `lc`.`closed_entry_at`) END AS `closed_at`,
    CASE WHEN (`o`.`status` = 'open') THEN 'open' WHEN ((CASE WHEN (`o`.`status` = 'open') THEN NULL ELSE COALESCE(`o`.`close_date`, `lc`.`closed_entry_at`) END IS NULL) OR (CAST(UNIX_MILLIS(CASE WHEN (`o`.`status` = 'open') THEN NULL ELSE COALESCE(`o`.`close_date`, `lc`.`closed_entry_at`) END) AS FLOAT64) <= (SELECT `ao`.`as_of_ms` AS `as_of_ms` FROM revlens_as_of AS `ao`))) THEN `o`.`status` ELSE 'open' END AS `status_at`,
    COALESCE(`ls`.`stage`, `o`.`stage`, 'sqo') AS `stage_at`
  FROM `opportunities` AS `o`
  LEFT JOIN last_close_entry AS `lc` ON (`lc`.`opportunity_id` = `o`.`id`)
  LEFT JOIN last_stage_entry AS `ls` ON ((`ls`.`opportunity_id` = `o`.`id`) AND (`ls`.`rn` = 1))
  WHERE (CAST(UNIX_MILLIS(`o`.`created_at`) AS FLOAT64) <= (SELECT `ao`.`as_of_ms` AS `as_of_ms` FROM revlens_as_of AS `ao`))
),
stage_entered AS (
  SELECT DISTINCT
    `h`.`opportunity_id` AS `opportunity_id`,
    `h`.`stage` AS `stage`
  FROM `opportunity_stages` AS `h`
  WHERE (CAST(UNIX_MILLIS(`h`.`entered_at`) AS FLOAT64) <= (SELECT `ao`.`as_of_ms` AS `as_of_ms` FROM revlens_as_of AS `ao`))
),
stage_stats AS (
  SELECT
    `e`.`stage` AS `stage`,
    COUNT(*) AS `closed`,
    SUM(CASE WHEN (`s`.`status_at` = 'won') THEN 1 ELSE 0 END) AS `won`
  FROM stage_entered AS `e`
  INNER JOIN opportunity_state AS `s` ON (`s`.`id` = `e`.`opportunity_id`)
  WHERE ((`s`.`status_at` IN ('won', 'lost')) AND ((`s`.`closed_at` IS NULL) OR (CAST(UNIX_MILLIS(`s`.`closed_at`) AS FLOAT64) > CAST(UNIX_MILLIS(TIMESTAMP(DATETIME_SUB(DATETIME(TIMESTAMP_MILLIS(CAST((SELECT `ao`.`as_of_ms` AS `as_of_ms` FROM revlens_as_of AS `ao`) AS INT64))), INTERVAL 12 MONTH))) AS FLOAT64))))
  GROUP BY `e`.`stage`
),
contributions AS (
  SELECT
    CASE WHEN ((`s`.`status_at` = 'open') AND (`s`.`close_date` IS NOT NULL)) THEN ((CAST((CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) >= 2) THEN CAST(EXTRACT(YEAR FROM `s`.`close_date`) AS INT64) ELSE (CAST(EXTRACT(YEAR FROM `s`.`close_date`) AS INT64) - 1) END + 1) AS STRING) || '-Q') || CAST(CASE WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) - 2) + 12) END < 3) THEN 1 WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) - 2) + 12) END < 6) THEN 2 WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `s`.`close_date`) AS INT64) - 2) + 12) END < 9) THEN 3 ELSE 4 END AS STRING)) WHEN ((`s`.`status_at` = 'won') AND (`s`.`closed_at` IS NOT NULL)) THEN ((CAST((CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) >= 2) THEN CAST(EXTRACT(YEAR FROM `s`.`closed_at`) AS INT64) ELSE (CAST(EXTRACT(YEAR FROM `s`.`closed_at`) AS INT64) - 1) END + 1) AS STRING) || '-Q') || CAST(CASE WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) - 2) + 12) END < 3) THEN 1 WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) - 2) + 12) END < 6) THEN 2 WHEN (CASE WHEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) >= 2) THEN (CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) - 2) ELSE ((CAST(EXTRACT(MONTH FROM `s`.`closed_at`) AS INT64) - 2) + 12) END < 9) THEN 3 ELSE 4 END AS STRING)) END AS `quarter`,
    CASE WHEN ((`s`.`status_at` = 'open') AND (`s`.`close_date` IS NOT NULL)) THEN 1 ELSE 0 END AS `open_due`,
    CASE WHEN ((`s`.`status_at` = 'open') AND (`s`.`close_date` IS NOT NULL)) THEN `s`.`amount` ELSE 0 END AS `open_amount`,
    CASE WHEN ((`s`.`status_at` = 'open') AND (`s`.`close_date` IS NOT NULL)) THEN (`s`.`amount` * CASE WHEN (((`st`.`closed` IS NOT NULL) AND (`st`.`closed` >= 20)) AND (NOT (`s`.`stage_at` IN ('won', 'lost')))) THEN (CAST(`st`.`won` AS FLOAT64) / CAST(`st`.`closed` AS FLOAT64)) ELSE CASE WHEN (`s`.`stage_at` = 'sqo') THEN CAST('0.1' AS FLOAT64) WHEN (`s`.`stage_at` = 'discovery') THEN CAST('0.2' AS FLOAT64) WHEN (`s`.`stage_at` = 'proposal') THEN CAST('0.35' AS FLOAT64) WHEN (`s`.`stage_at` = 'negotiation') THEN CAST('0.6' AS FLOAT64) ELSE CAST('0.1' AS FLOAT64) END END) ELSE 0 END AS `weighted_amount`,
    CASE WHEN ((`s`.`status_at` = 'won') AND (`s`.`closed_at` IS NOT NULL)) THEN `s`.`amount` ELSE 0 END AS `won_amount`
  FROM opportunity_state AS `s`
  LEFT JOIN stage_stats AS `st` ON (`st`.`stage` = `s`.`stage_at`)
  WHERE (((`s`.`status_at` = 'open') AND (`s`.`close_date` IS NOT NULL)) OR ((`s`.`status_at` = 'won') AND (`s`.`closed_at` IS NOT NULL)))
),
by_quarter AS (
  SELECT
    `c`.`quarter` AS `quarter`,
    SUM(`c`.`open_due`) AS `open_due_count`,
    SUM(`c`.`open_amount`) AS `open_due_amount`,
    SUM(`c`.`weighted_amount`) AS `weighted_due_amount`,
    SUM(`c`.`won_amount`) AS `won_amount`
  FROM contributions AS `c`
  GROUP BY `c`.`quarter`
),
quotas AS (
  SELECT
    `pl`.`quarter` AS `quarter`,
    SUM(`pl`.`quota`) AS `quota`
  FROM `plan` AS `pl`
  GROUP BY `pl`.`quarter`
),
quarter_list AS (
  SELECT
    `bq`.`quarter` AS `quarter`
  FROM by_quarter AS `bq`
  UNION ALL
  SELECT
    `qq`.`quarter` AS `quarter`
  FROM quotas AS `qq`
),
quarter_keys AS (
  SELECT DISTINCT
    `a`.`quarter` AS `quarter`
  FROM quarter_list AS `a`
)
SELECT
  `k`.`quarter` AS `quarter`,
  CAST(COALESCE(`bq`.`open_due_count`, 0) AS INT64) AS `open_due_count`,
  CAST(COALESCE(`bq`.`open_due_amount`, 0) AS FLOAT64) AS `open_due_amount`,
  CAST(COALESCE(`bq`.`weighted_due_amount`, 0) AS FLOAT64) AS `weighted_due_amount`,
  CAST(COALESCE(`bq`.`won_amount`, 0) AS FLOAT64) AS `won_amount`,
  CAST(`qq`.`quota` AS FLOAT64) AS `quota`
FROM quarter_keys AS `k`
LEFT JOIN by_quarter AS `bq` ON (`bq`.`quarter` = `k`.`quarter`)
LEFT JOIN quotas AS `qq` ON (`qq`.`quarter` = `k`.`quarter`)
ORDER BY `k`.`quarter`
