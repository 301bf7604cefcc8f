-- Job options are read back with the signature level's one spelling (B-B, B-T, B-LT, B-LTA); jobs stored before
-- kept whatever the client sent (b_t, B_LT…), which unfinished jobs must still read after an upgrade.
-- Organisation settings keep storing the constant names (B_B…): the API maps them at its boundary.
update job
set options = jsonb_set(options, '{level}', to_jsonb(replace(upper(options ->> 'level'), '_', '-')))
where jsonb_typeof(options -> 'level') = 'string';
