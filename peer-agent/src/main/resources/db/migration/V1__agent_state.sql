-- Hash cache of shared files: a file whose path, size and modification time are unchanged is
-- never hashed again (DESIGN.md "Content identity"). Hashes are stored as lowercase hex, the
-- ed2k hashset and the .torrent as raw bytes.
CREATE TABLE shared_file (
    path          VARCHAR(4096) NOT NULL PRIMARY KEY,
    size          BIGINT        NOT NULL,
    mtime_millis  BIGINT        NOT NULL,
    ed2k_hash     VARCHAR(32)   NOT NULL,
    ed2k_hashset  BYTEA         NOT NULL,
    sha1          VARCHAR(40)   NOT NULL,
    info_hash     VARCHAR(40)   NOT NULL,
    torrent       BYTEA         NOT NULL,
    hashed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shared_file_info_hash ON shared_file (info_hash);

-- Directories and files shared through the API (configured ones come from p2pnet.agent.shared-dirs).
CREATE TABLE share_root (
    path      VARCHAR(4096) NOT NULL PRIMARY KEY,
    added_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Small facts that must survive a restart, e.g. the peer id issued by the rendezvous network.
CREATE TABLE agent_setting (
    setting_name   VARCHAR(64)   NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(4096) NOT NULL
);
