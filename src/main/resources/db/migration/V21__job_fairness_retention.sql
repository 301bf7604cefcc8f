-- Fair claiming: workers serve the organisation, then the job, whose last claim is oldest, so one school's large
-- job shares the workers with another school's small one instead of holding them until it ends.
alter table job add column last_claimed_at timestamptz;
-- The retention purge looks for jobs that ended before a cutoff; unfinished jobs are never its concern.
create index job_finished_idx on job (finished_at) where status not in ('QUEUED', 'RUNNING');
