WITH revlens_as_of AS (
  SELECT
    GREATEST(COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."created_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."mql_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."sal_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."sql_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."sqo_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."won_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."lost_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."disqualified_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."recycled_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "leads" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "activities" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."created_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "opportunities" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."entered_at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "opportunity_stages" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."at") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "opportunity_history" AS "t"), (-8640000000000000)), COALESCE((SELECT MAX(CAST(EXTRACT(EPOCH FROM "t"."close_date") * 1000 AS DOUBLE PRECISION)) AS "m" FROM "opportunities" AS "t" WHERE ("t"."status" <> 'open')), (-8640000000000000))) AS "as_of_ms"
),
lead_base AS (
  SELECT
    "l"."id" AS "lead_id",
    (
      CASE WHEN (LOWER(TRIM("a"."industry")) IN ('software', 'fintech')) THEN 25 ELSE 0 END
      + CASE WHEN ((("a"."employees" IS NOT NULL) AND ("a"."employees" >= 200)) AND ("a"."employees" < 5000)) THEN 20 ELSE 0 END
      + CASE WHEN (("a"."employees" IS NOT NULL) AND ("a"."employees" >= 5000)) THEN 10 ELSE 0 END
      + CASE WHEN (("a"."annual_revenue" IS NOT NULL) AND ("a"."annual_revenue" >= 20000000)) THEN 10 ELSE 0 END
      + CASE WHEN (LOWER(TRIM("a"."region")) IN ('na', 'emea')) THEN 10 ELSE 0 END
      + CASE WHEN (LOWER(TRIM("l"."persona")) IN ('sales leader', 'revops', 'marketing leader')) THEN 15 ELSE 0 END
      + CASE WHEN (LOWER(TRIM("l"."seniority")) IN ('vp', 'c-level')) THEN 10 ELSE 0 END
      + CASE WHEN (LOWER(TRIM("l"."persona")) = 'student') THEN (-40) ELSE 0 END
      + CASE WHEN (STRPOS(LOWER(TRIM(CASE WHEN (STRPOS("l"."email", '@') > 0) THEN REVERSE(SPLIT_PART(REVERSE("l"."email"), '@', 1)) END)), '.edu') > 0) THEN (-30) ELSE 0 END
      + CASE WHEN (LOWER(TRIM(CASE WHEN (STRPOS("l"."email", '@') > 0) THEN REVERSE(SPLIT_PART(REVERSE("l"."email"), '@', 1)) END)) IN ('gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com')) THEN (-20) ELSE 0 END
      + CASE WHEN (LOWER(TRIM(CASE WHEN (STRPOS("l"."email", '@') > 0) THEN REVERSE(SPLIT_PART(REVERSE("l"."email"), '@', 1)) END)) IN ('pipelinepro.io', 'forecastly.com')) THEN (-50) ELSE 0 END
      + CASE WHEN (LOWER(TRIM(CAST("l"."select" AS TEXT))) = 'it''s -- fine') THEN 30 ELSE 0 END
      + CASE WHEN (LOWER(TRIM(CAST("a"."order" AS TEXT))) IN ('o''neil', 'x')) THEN 20 ELSE 0 END
      + CASE WHEN (("l"."Deal Size" IS NOT NULL) AND ("l"."Deal Size" >= 100)) THEN 15 ELSE 0 END
      + CASE WHEN (STRPOS(LOWER(TRIM("l"."title")), '--') > 0) THEN (-5) ELSE 0 END
      + CASE WHEN (("a"."industry" IS NULL) OR (TRIM("a"."industry") = '')) THEN (-10) ELSE 0 END
      + CASE WHEN ("a"."employees" IS NULL) THEN (-5) ELSE 0 END
      + 12
    ) AS "fit_points",
    LEAST((SELECT "ao"."as_of_ms" AS "as_of_ms" FROM revlens_as_of AS "ao"), (CAST(EXTRACT(EPOCH FROM "l"."created_at") * 1000 AS DOUBLE PRECISION) + 2592000000), COALESCE(CAST(EXTRACT(EPOCH FROM "l"."sal_at") * 1000 AS DOUBLE PRECISION), 8640000000000000), COALESCE(CAST(EXTRACT(EPOCH FROM "l"."sql_at") * 1000 AS DOUBLE PRECISION), 8640000000000000), COALESCE(CAST(EXTRACT(EPOCH FROM "l"."sqo_at") * 1000 AS DOUBLE PRECISION), 8640000000000000), COALESCE(CAST(EXTRACT(EPOCH FROM "l"."won_at") * 1000 AS DOUBLE PRECISION), 8640000000000000), COALESCE(CAST(EXTRACT(EPOCH FROM "l"."lost_at") * 1000 AS DOUBLE PRECISION), 8640000000000000), COALESCE(CAST(EXTRACT(EPOCH FROM "l"."disqualified_at") * 1000 AS DOUBLE PRECISION), 8640000000000000)) AS "scored_at_ms"
  FROM "leads" AS "l"
  LEFT JOIN "accounts" AS "a" ON ("a"."id" = "l"."account_id")
),
decayed AS (
  SELECT
    "b"."lead_id" AS "lead_id",
    "act"."type" AS "type",
    EXP((CAST('-0.023104906018664842' AS DOUBLE PRECISION) * (("b"."scored_at_ms" - CAST(EXTRACT(EPOCH FROM "act"."at") * 1000 AS DOUBLE PRECISION)) / 86400000))) AS "decay"
  FROM lead_base AS "b"
  INNER JOIN "activities" AS "act" ON ("act"."lead_id" = "b"."lead_id")
  WHERE ((CAST(EXTRACT(EPOCH FROM "act"."at") * 1000 AS DOUBLE PRECISION) <= "b"."scored_at_ms") AND ("act"."type" IN ('page_view', 'pricing_view', 'integration_view', 'case_study_download', 'whitepaper_download', 'comparison_download', 'roi_calculator', 'webinar_attended', 'email_open', 'email_click', 'email_reply', 'form_fill', 'chat', 'demo_request', 'trial_signup', 'trial_invite', 'meeting_booked', 'unsubscribe')))
),
type_sums AS (
  SELECT
    "d"."lead_id" AS "lead_id",
    "d"."type" AS "type",
    SUM("d"."decay") AS "decay_sum"
  FROM decayed AS "d"
  GROUP BY "d"."lead_id", "d"."type"
),
intent_points AS (
  SELECT
    "s"."lead_id" AS "lead_id",
    SUM(CASE WHEN ("s"."type" = 'page_view') THEN LEAST(10, GREATEST((-10), (1 * "s"."decay_sum"))) WHEN ("s"."type" = 'pricing_view') THEN LEAST(20, GREATEST((-20), (10 * "s"."decay_sum"))) WHEN ("s"."type" = 'integration_view') THEN LEAST(12, GREATEST((-12), (6 * "s"."decay_sum"))) WHEN ("s"."type" = 'case_study_download') THEN LEAST(15, GREATEST((-15), (5 * "s"."decay_sum"))) WHEN ("s"."type" = 'whitepaper_download') THEN LEAST(12, GREATEST((-12), (4 * "s"."decay_sum"))) WHEN ("s"."type" = 'comparison_download') THEN LEAST(24, GREATEST((-24), (12 * "s"."decay_sum"))) WHEN ("s"."type" = 'roi_calculator') THEN LEAST(24, GREATEST((-24), (12 * "s"."decay_sum"))) WHEN ("s"."type" = 'webinar_attended') THEN LEAST(16, GREATEST((-16), (8 * "s"."decay_sum"))) WHEN ("s"."type" = 'email_open') THEN LEAST(5, GREATEST((-5), (1 * "s"."decay_sum"))) WHEN ("s"."type" = 'email_click') THEN LEAST(12, GREATEST((-12), (3 * "s"."decay_sum"))) WHEN ("s"."type" = 'email_reply') THEN LEAST(20, GREATEST((-20), (10 * "s"."decay_sum"))) WHEN ("s"."type" = 'form_fill') THEN LEAST(10, GREATEST((-10), (5 * "s"."decay_sum"))) WHEN ("s"."type" = 'chat') THEN LEAST(16, GREATEST((-16), (8 * "s"."decay_sum"))) WHEN ("s"."type" = 'demo_request') THEN LEAST(40, GREATEST((-40), (20 * "s"."decay_sum"))) WHEN ("s"."type" = 'trial_signup') THEN LEAST(30, GREATEST((-30), (15 * "s"."decay_sum"))) WHEN ("s"."type" = 'trial_invite') THEN LEAST(30, GREATEST((-30), (15 * "s"."decay_sum"))) WHEN ("s"."type" = 'meeting_booked') THEN LEAST(40, GREATEST((-40), (20 * "s"."decay_sum"))) WHEN ("s"."type" = 'unsubscribe') THEN LEAST(40, GREATEST((-40), ((-20) * "s"."decay_sum"))) ELSE 0 END) AS "intent_points"
  FROM type_sums AS "s"
  GROUP BY "s"."lead_id"
),
sql_activity AS (
  SELECT DISTINCT
    "act"."lead_id" AS "lead_id"
  FROM "activities" AS "act"
  WHERE (("act"."type" = 'meeting_booked') AND (CAST(EXTRACT(EPOCH FROM "act"."at") * 1000 AS DOUBLE PRECISION) <= (SELECT "ao"."as_of_ms" AS "as_of_ms" FROM revlens_as_of AS "ao")))
),
first_opportunity AS (
  SELECT
    "o"."lead_id" AS "lead_id",
    CASE WHEN (((("o"."q_budget" = TRUE) AND ("o"."q_authority" = TRUE)) AND ("o"."q_need" = TRUE)) AND ("o"."q_timeline" = TRUE)) THEN TRUE ELSE FALSE END AS "criteria_met",
    ROW_NUMBER() OVER (PARTITION BY "o"."lead_id" ORDER BY CAST(EXTRACT(EPOCH FROM "o"."created_at") * 1000 AS DOUBLE PRECISION), "o"."id") AS "rn"
  FROM "opportunities" AS "o"
  WHERE (("o"."lead_id" IS NOT NULL) AND (CAST(EXTRACT(EPOCH FROM "o"."created_at") * 1000 AS DOUBLE PRECISION) <= (SELECT "ao"."as_of_ms" AS "as_of_ms" FROM revlens_as_of AS "ao")))
),
scored AS (
  SELECT
    "b"."lead_id" AS "lead_id",
    CAST(LEAST(100, GREATEST(0, "b"."fit_points")) AS DOUBLE PRECISION) AS "fit",
    CAST(LEAST(100, GREATEST(0, COALESCE("ip"."intent_points", 0))) AS DOUBLE PRECISION) AS "intent",
    ("sa"."lead_id" IS NOT NULL) AS "has_sql_activity",
    COALESCE("fo"."criteria_met", FALSE) AS "criteria_met"
  FROM lead_base AS "b"
  LEFT JOIN intent_points AS "ip" ON ("ip"."lead_id" = "b"."lead_id")
  LEFT JOIN sql_activity AS "sa" ON ("sa"."lead_id" = "b"."lead_id")
  LEFT JOIN first_opportunity AS "fo" ON (("fo"."lead_id" = "b"."lead_id") AND ("fo"."rn" = 1))
),
tiered AS (
  SELECT
    "s"."lead_id" AS "lead_id",
    "s"."fit" AS "fit",
    "s"."intent" AS "intent",
    CASE WHEN ("s"."fit" >= 70) THEN 'Tier 1' WHEN ("s"."fit" >= 40) THEN 'Tier 2' ELSE 'Tier 3' END AS "icp_tier",
    CASE WHEN ("s"."intent" >= 60) THEN 'High' WHEN ("s"."intent" >= 30) THEN 'Mid' ELSE 'Low' END AS "intent_tier",
    CASE WHEN (("s"."fit" >= 40) AND ("s"."intent" >= 30)) THEN TRUE ELSE FALSE END AS "is_mql",
    "s"."has_sql_activity" AS "has_sql_activity",
    "s"."criteria_met" AS "criteria_met"
  FROM scored AS "s"
)
SELECT
  "x"."lead_id" AS "lead_id",
  "x"."fit" AS "fit",
  "x"."intent" AS "intent",
  "x"."icp_tier" AS "icp_tier",
  "x"."intent_tier" AS "intent_tier",
  CASE WHEN (("x"."icp_tier" = 'Tier 1') AND ("x"."intent_tier" = 'High')) THEN 'Work now' WHEN (("x"."icp_tier" = 'Tier 1') AND ("x"."intent_tier" = 'Mid')) THEN 'Work now (SDR follow-up)' WHEN (("x"."icp_tier" = 'Tier 1') AND ("x"."intent_tier" = 'Low')) THEN 'Back to nurture' WHEN (("x"."icp_tier" = 'Tier 2') AND ("x"."intent_tier" = 'High')) THEN 'Work now (SDR follow-up)' WHEN (("x"."icp_tier" = 'Tier 2') AND ("x"."intent_tier" = 'Mid')) THEN 'Nurture' WHEN (("x"."icp_tier" = 'Tier 2') AND ("x"."intent_tier" = 'Low')) THEN 'Back to nurture' WHEN (("x"."icp_tier" = 'Tier 3') AND ("x"."intent_tier" = 'High')) THEN 'Low-touch standard offer' WHEN (("x"."icp_tier" = 'Tier 3') AND ("x"."intent_tier" = 'Mid')) THEN 'Automation' WHEN (("x"."icp_tier" = 'Tier 3') AND ("x"."intent_tier" = 'Low')) THEN 'Deflect' END AS "route",
  "x"."is_mql" AS "is_mql",
  ("x"."is_mql" AND "x"."has_sql_activity") AS "is_sql",
  (("x"."is_mql" AND "x"."has_sql_activity") AND "x"."criteria_met") AS "is_sqo"
FROM tiered AS "x"
