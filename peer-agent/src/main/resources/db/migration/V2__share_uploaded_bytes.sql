-- Upload counter of each shared file: bytes served to other agents and HTTP clients, kept across
-- restarts. Written in the background every few seconds, never once per block served.
ALTER TABLE shared_file ADD COLUMN uploaded_bytes BIGINT DEFAULT 0 NOT NULL;
