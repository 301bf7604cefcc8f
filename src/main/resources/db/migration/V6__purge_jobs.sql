-- Jobs that do not render (a period purge: one item per document to erase) have no template or input format.
alter table job alter column template_id drop not null;
alter table job alter column input_format drop not null;
