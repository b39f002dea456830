-- Registered torrents (private mode tracks only these; search and ed2k localisation read them).
-- Portable between H2 and PostgreSQL: BYTEA and TIMESTAMP WITH TIME ZONE exist in both.
CREATE TABLE torrent (
    info_hash      VARCHAR(40)   NOT NULL PRIMARY KEY,
    name           VARCHAR(1024) NOT NULL,
    total_size     BIGINT        NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    origin         VARCHAR(16)   NOT NULL,
    source_path    VARCHAR(4096),
    metainfo       BYTEA         NOT NULL
);

CREATE TABLE torrent_file (
    info_hash   VARCHAR(40)   NOT NULL REFERENCES torrent (info_hash) ON DELETE CASCADE,
    file_index  INTEGER       NOT NULL,
    path        VARCHAR(4096) NOT NULL,
    size        BIGINT        NOT NULL,
    ed2k        VARCHAR(32),
    PRIMARY KEY (info_hash, file_index)
);

CREATE INDEX torrent_file_ed2k ON torrent_file (ed2k);

-- Completed-download counters per swarm, written in the background (announces never wait on them).
CREATE TABLE swarm_stats (
    info_hash  VARCHAR(40) NOT NULL PRIMARY KEY,
    completed  BIGINT      NOT NULL
);
