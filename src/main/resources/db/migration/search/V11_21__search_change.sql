-- The search change log: every change of a searchable record, written in the transaction that made it, so that every
-- portal node (each with its own Lucene index) applies it within seconds. Rows older than a day are pruned.
CREATE TABLE search_change (
    seq  BIGSERIAL    PRIMARY KEY,
    type VARCHAR(100) NOT NULL,
    id   VARCHAR(200) NOT NULL,
    -- The time of the insert, not of the transaction's start, so that a poller's look-back window covers late commits.
    at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX search_change_at ON search_change (at);
