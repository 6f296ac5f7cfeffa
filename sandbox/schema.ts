/** The sandbox's tables, created idempotently on every start. */
import {createHash} from 'node:crypto';
import type {Db} from './db.js';

const TABLES = `
CREATE TABLE IF NOT EXISTS tenants (
  id serial PRIMARY KEY,
  name text NOT NULL,
  admin_name text NOT NULL,
  admin_email text NOT NULL,
  seed integer NOT NULL DEFAULT 1,
  brand_color text,
  logo_sha256 text,
  logo_content_type text,
  logo_bytes bytea,
  branding_updated_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS tenants_logo ON tenants (logo_sha256);

CREATE TABLE IF NOT EXISTS customers (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  plan text NOT NULL,
  quota_minutes integer,
  status text NOT NULL DEFAULT 'active',
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS customers_tenant_email ON customers (tenant_id, lower(email));
CREATE INDEX IF NOT EXISTS customers_tenant_name ON customers (tenant_id, lower(name), id);
CREATE INDEX IF NOT EXISTS customers_tenant_created ON customers (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS customers_tenant_status ON customers (tenant_id, status, id);
CREATE INDEX IF NOT EXISTS customers_tenant_phone ON customers (tenant_id, phone, id);
-- GET /customers?metadata=key:value: containment of a one-key object (jsonb_path_ops: smaller, and @> is all it serves).
CREATE INDEX IF NOT EXISTS customers_metadata ON customers USING gin (metadata jsonb_path_ops);

-- GET /customers' total without a count over the tenant's rows (issue 21: 100 000 customers): the
-- number of customers per tenant and status, kept by statement triggers (one upsert per statement,
-- also for bulk inserts and cascaded deletes). A data directory from before gets the table and its
-- figures on its next start (the backfill adds only (tenant, status) pairs it does not hold yet,
-- which the triggers never leave missing).
CREATE TABLE IF NOT EXISTS customer_counts (
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  status text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (tenant_id, status)
);
CREATE OR REPLACE FUNCTION customer_counts_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO customer_counts (tenant_id, status, n)
    SELECT tenant_id, status, count(*) FROM added_rows GROUP BY tenant_id, status
  ON CONFLICT (tenant_id, status) DO UPDATE SET n = customer_counts.n + excluded.n;
  RETURN NULL;
END $fn$;
CREATE OR REPLACE FUNCTION customer_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE customer_counts k SET n = k.n - r.n
    FROM (SELECT tenant_id, status, count(*)::int AS n FROM removed_rows GROUP BY tenant_id, status) r
    WHERE k.tenant_id = r.tenant_id AND k.status = r.status;
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER customers_count_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_add();
CREATE OR REPLACE TRIGGER customers_count_delete AFTER DELETE ON customers
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_remove();
-- An update (a status change) removes the old rows' counts and adds the new ones'.
CREATE OR REPLACE TRIGGER customers_count_update_old AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_remove();
CREATE OR REPLACE TRIGGER customers_count_update_new AFTER UPDATE ON customers
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_counts_add();
INSERT INTO customer_counts (tenant_id, status, n)
  SELECT tenant_id, status, count(*) FROM customers GROUP BY tenant_id, status
ON CONFLICT (tenant_id, status) DO NOTHING;

-- GET /customers?sort=metadata.<key> (issue 21): each customer's metadata values by key, lower-cased
-- as the sort compares them (lower(metadata ->> key); JSON nulls left out: they sort with the
-- customers without the key), so a metadata sort walks customer_metadata_sort instead of sorting
-- every customer. Kept by triggers: a statement trigger for inserts (bulk ones too), a row trigger
-- for a changed metadata (or tenant), the foreign key's cascade for deletes. A data directory from
-- before gets the table and its rows on its next start. customer_metadata_fill(tenant) writes the
-- rows of one tenant's customers (all tenants' when NULL): for the seed (triggers off) and that start.
CREATE OR REPLACE FUNCTION customer_metadata_fill(p_tenant integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO customer_metadata (customer_id, key, tenant_id, value)
    SELECT c.id, e.key, c.tenant_id, lower(e.value)
    FROM customers c, jsonb_each_text(CASE WHEN jsonb_typeof(c.metadata) = 'object' THEN c.metadata ELSE '{}' END) e
    WHERE (p_tenant IS NULL OR c.tenant_id = p_tenant) AND e.value IS NOT NULL
  ON CONFLICT (customer_id, key) DO NOTHING;
END $fn$;
DO $$ BEGIN
  IF to_regclass('customer_metadata') IS NULL THEN
    CREATE TABLE customer_metadata (
      customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
      key text NOT NULL,
      tenant_id integer NOT NULL,
      value text NOT NULL,
      PRIMARY KEY (customer_id, key)
    );
    CREATE INDEX customer_metadata_sort ON customer_metadata (tenant_id, key, value, customer_id);
    PERFORM customer_metadata_fill(NULL);
  END IF;
END $$;
-- Merges the pending lists of the customers' GIN indexes (those that exist: the trigram ones only
-- with pg_trgm) into the indexes; see customers_gin_clean in TRIGRAM, and the seed.
CREATE OR REPLACE FUNCTION customers_gin_merge() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  i regclass;
BEGIN
  FOREACH i IN ARRAY ARRAY[to_regclass('customers_name_trgm'), to_regclass('customers_email_trgm'), to_regclass('customers_metadata')] LOOP
    IF i IS NOT NULL THEN PERFORM gin_clean_pending_list(i); END IF;
  END LOOP;
END $fn$;
CREATE OR REPLACE FUNCTION customer_metadata_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO customer_metadata (customer_id, key, tenant_id, value)
    SELECT r.id, e.key, r.tenant_id, lower(e.value)
    FROM added_rows r, jsonb_each_text(CASE WHEN jsonb_typeof(r.metadata) = 'object' THEN r.metadata ELSE '{}' END) e
    WHERE e.value IS NOT NULL;
  RETURN NULL;
END $fn$;
CREATE OR REPLACE FUNCTION customer_metadata_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM customer_metadata WHERE customer_id = OLD.id;
  INSERT INTO customer_metadata (customer_id, key, tenant_id, value)
    SELECT NEW.id, e.key, NEW.tenant_id, lower(e.value)
    FROM jsonb_each_text(CASE WHEN jsonb_typeof(NEW.metadata) = 'object' THEN NEW.metadata ELSE '{}' END) e
    WHERE e.value IS NOT NULL;
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER customers_metadata_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_metadata_add();
CREATE OR REPLACE TRIGGER customers_metadata_update AFTER UPDATE OF metadata, tenant_id ON customers
  FOR EACH ROW WHEN (OLD.metadata IS DISTINCT FROM NEW.metadata OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION customer_metadata_change();

CREATE TABLE IF NOT EXISTS usage_daily (
  customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
  day date NOT NULL,
  audio_minutes numeric(10,1) NOT NULL,
  transcriptions integer NOT NULL,
  PRIMARY KEY (customer_id, day)
);
-- Reads always go through a customer (tenant → customers → usage by primary key); a second index
-- would only slow down seeding.
DROP INDEX IF EXISTS usage_daily_day;

CREATE TABLE IF NOT EXISTS users (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  -- When the user accepted the invitation (NULL: never). Invited → active only by accepting; a user
  -- deactivated before accepting is reactivated as invited (routes/organization.ts).
  accepted_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS users_customer_email ON users (customer_id, lower(email));
-- A data directory from before accepted_at: add it once, and count every user who was not invited then as accepted.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'accepted_at') THEN
    ALTER TABLE users ADD COLUMN accepted_at timestamptz;
    UPDATE users SET accepted_at = created_at WHERE status <> 'invited';
  END IF;
END $$;

-- What the sandbox would have emailed users: invitations (at invite and every resend). Also the
-- resend rate limit's memory (INVITATION_RESEND_INTERVAL_MS, INVITATIONS_PER_DAY).
CREATE TABLE IF NOT EXISTS invitation_outbox (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users ON DELETE CASCADE,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  resend boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS invitation_outbox_user ON invitation_outbox (user_id, created_at);
CREATE INDEX IF NOT EXISTS invitation_outbox_tenant ON invitation_outbox (tenant_id, id);

-- Every bearer credential: reseller sessions, RESELLEE sessions and customer API tokens.
-- Only the SHA-256 of the secret is stored.
CREATE TABLE IF NOT EXISTS tokens (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('reseller', 'resellee', 'customer')),
  customer_id integer REFERENCES customers ON DELETE CASCADE,
  user_id integer REFERENCES users ON DELETE CASCADE,
  name text NOT NULL DEFAULT '',
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  permissions text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX IF NOT EXISTS tokens_customer ON tokens (customer_id, id);

CREATE TABLE IF NOT EXISTS transcripts (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
  title text NOT NULL,
  language text NOT NULL,
  status text NOT NULL,
  duration_seconds integer NOT NULL,
  created_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE INDEX IF NOT EXISTS transcripts_tenant_created ON transcripts (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS transcripts_customer_created ON transcripts (customer_id, created_at, id);

CREATE TABLE IF NOT EXISTS documents (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
  transcript_id integer NOT NULL REFERENCES transcripts ON DELETE CASCADE,
  format text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_tenant_created ON documents (tenant_id, created_at, id);
CREATE INDEX IF NOT EXISTS documents_transcript ON documents (transcript_id);

-- A transcript's own segments ([{speaker, text}]), only for those added through the control API
-- with them; every other transcript's text is generated from its id (sandbox/transcript-text.ts).
CREATE TABLE IF NOT EXISTS transcript_content (
  transcript_id integer PRIMARY KEY REFERENCES transcripts ON DELETE CASCADE,
  segments jsonb NOT NULL
);

-- Monthly usage reports: one per tenant and month (the unique index makes the month-end job
-- idempotent); the figures as generated, in the contract's shape (totals, plans, lines).
CREATE TABLE IF NOT EXISTS reports (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  period text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  complete boolean NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  generated_at timestamptz NOT NULL,
  data jsonb NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS reports_tenant_period ON reports (tenant_id, period);

CREATE TABLE IF NOT EXISTS report_settings (
  tenant_id integer PRIMARY KEY REFERENCES tenants ON DELETE CASCADE,
  enabled boolean NOT NULL,
  recipients text[] NOT NULL,
  updated_at timestamptz NOT NULL
);

-- What the month-end job would have emailed (the sandbox sends no mail): the control API reads it.
CREATE TABLE IF NOT EXISTS report_outbox (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  report_id integer NOT NULL REFERENCES reports ON DELETE CASCADE,
  recipients text[] NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  attachments text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS report_outbox_tenant ON report_outbox (tenant_id, id);

-- The sandbox's own facts about its data (data-day.ts: the day the seeded dates are current as of).
CREATE TABLE IF NOT EXISTS sandbox_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency (
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer,
  content_type text,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
`;

const TRIGRAM = `
CREATE INDEX IF NOT EXISTS customers_name_trgm ON customers USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS customers_email_trgm ON customers USING gin (email gin_trgm_ops);
CREATE INDEX IF NOT EXISTS transcripts_title_trgm ON transcripts USING gin (title gin_trgm_ops);
-- A GIN index takes new rows into a pending list that every search reads through until VACUUM (or
-- autovacuum, which PGlite has not) merges it into the index: after a bulk insert of 100 000
-- customers a search for a rare word took 5 ms instead of 0.1 (issue 21). So each statement that
-- writes customers merges what it added (one merge for a bulk insert; a small one for a single row).
CREATE OR REPLACE FUNCTION customers_gin_clean() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM customers_gin_merge();
  RETURN NULL;
END $fn$;
CREATE OR REPLACE TRIGGER customers_gin_clean AFTER INSERT OR UPDATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION customers_gin_clean();
`;

/** Changes whenever the schema does (names the in-memory snapshot). */
export const SCHEMA_VERSION = createHash('sha256').update(TABLES + TRIGRAM).digest('hex').slice(0, 12);

export async function createSchema(db: Db): Promise<void> {
  await db.exec(TABLES);
  if (db.trigram) await db.exec(TRIGRAM);
}
