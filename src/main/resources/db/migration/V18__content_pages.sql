-- Content pages (TOR 2.10): project overview, contact channels, terms of service, any other page, in Thai and
-- English. Every save is a new version (history is kept); one version at most is published and publicly visible.
create table content_page (
    id                uuid primary key,
    slug              varchar(100) not null unique,
    published_seq     integer,
    published_at      timestamptz,
    created_at        timestamptz  not null,
    created_by        text         not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);

-- Bodies are stored already sanitised, so no path can ever serve an unsanitised one.
create table content_page_version (
    id         uuid primary key,
    page_id    uuid        not null references content_page (id) on delete cascade,
    seq        integer     not null,
    title_th   text        not null,
    title_en   text        not null,
    body_th    text        not null,
    body_en    text        not null,
    created_at timestamptz not null,
    created_by text        not null,
    unique (page_id, seq)
);
