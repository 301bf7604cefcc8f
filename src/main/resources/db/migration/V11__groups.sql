-- Groups of users (TOR 2.8.3): they nest, and roles granted to a group apply, in the group's organisation, to its
-- members and to the members of its sub-groups. A sub-group lives in its parent's organisation or below it.
create table user_group (
    id              uuid primary key,
    organization_id uuid        not null references organization (id),
    parent_id       uuid references user_group (id),
    name            text        not null,
    roles           text        not null default '',
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    unique (organization_id, name)
);
create index user_group_parent_idx on user_group (parent_id);

create table group_member (
    group_id uuid        not null references user_group (id) on delete cascade,
    user_id  uuid        not null references app_user (id) on delete cascade,
    added_at timestamptz not null,
    added_by text        not null,
    primary key (group_id, user_id)
);
create index group_member_user_idx on group_member (user_id);
