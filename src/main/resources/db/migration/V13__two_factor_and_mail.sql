-- Two-factor step-up before signing (TOR 2.5.6) and the e-mail outbox (TOR 2.5.9).

alter table organization add column two_factor_required boolean not null default false;

-- One TOTP enrolment per user: pending until confirmed with a first code. The secret is sealed with AES-256-GCM
-- (bound to the user as associated data); last_step is the newest time step accepted, so no code works twice.
create table totp_enrolment (
    user_id      uuid primary key references app_user (id) on delete cascade,
    secret       bytea       not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    last_step    bigint
);

-- One-time codes sent by e-mail: six digits, so stored as a keyed HMAC (a plain hash of a million candidates is
-- no secret); single use, short-lived, a newer code retires the older ones.
create table email_code (
    id         uuid primary key,
    user_id    uuid        not null references app_user (id) on delete cascade,
    code_hash  bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index email_code_user_idx on email_code (user_id, created_at desc);

-- Failed second-factor attempts, counted per user over a sliding window; kept in the database so the limit holds
-- across restarts and across instances.
create table two_factor_failure (
    id        bigserial primary key,
    user_id   uuid        not null references app_user (id) on delete cascade,
    failed_at timestamptz not null
);
create index two_factor_failure_user_idx on two_factor_failure (user_id, failed_at);

-- Step-up grants: 256 random bits handed to the client once, stored as SHA-256, bound to one user, usable until
-- they expire (a bulk approval spends one on many documents).
create table step_up_grant (
    id              uuid primary key,
    token_hash      bytea       not null unique,
    user_id         uuid        not null references app_user (id) on delete cascade,
    organization_id uuid        not null references organization (id),
    method          text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);
create index step_up_grant_user_idx on step_up_grant (user_id, expires_at);

-- Mail queued in the transaction that causes it and sent by a worker. data (the template's values, which may hold
-- a one-time code) is sealed like the TOTP secrets and erased once the mail is sent or given up.
create table mail_outbox (
    id              uuid primary key,
    recipient       text        not null,
    template        text        not null,
    locale          text        not null,
    data            bytea,
    status          text        not null check (status in ('PENDING', 'SENT', 'LOGGED', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    failed_at       timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
