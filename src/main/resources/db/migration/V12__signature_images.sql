-- Signers' personal signature images (TOR 2.5.1-2.5.2), drawn or uploaded, always stored as the normalised
-- transparent PNG the service produced (never the uploaded bytes). A few per person and a few hundred KiB at most,
-- so they sit in their own bytea column rather than in the document blob store.
create table signature_image (
    id          uuid        primary key,
    user_id     uuid        not null references app_user (id),
    kind        varchar(16) not null check (kind in ('DRAWN', 'UPLOADED')),
    png         bytea       not null,
    width_px    integer     not null check (width_px > 0),
    height_px   integer     not null check (height_px > 0),
    is_default  boolean     not null default false,
    created_at  timestamptz not null,
    created_by  text        not null
);
create index signature_image_user_idx on signature_image (user_id, created_at);
-- The last line of defence for "exactly one default": writers also serialise on the user's row.
create unique index signature_image_one_default on signature_image (user_id) where is_default;
