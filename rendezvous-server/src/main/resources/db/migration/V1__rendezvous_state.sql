-- Rendezvous state that must survive a restart: the servers this one knows and the directory
-- entries it is home for. Everything else is re-learnt from the other servers.
CREATE TABLE known_server (
    address           VARCHAR(300) NOT NULL PRIMARY KEY,
    state             VARCHAR(20)  NOT NULL,
    unreachable_since TIMESTAMP(6) WITH TIME ZONE,
    last_sync         TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE own_peer (
    peer_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name      VARCHAR(128) NOT NULL,
    address   VARCHAR(64)  NOT NULL,
    port      INTEGER      NOT NULL,
    last_seen TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version   BIGINT       NOT NULL
);

CREATE TABLE own_room (
    host_url   VARCHAR(512) NOT NULL,
    name       VARCHAR(128) NOT NULL,
    topic      VARCHAR(512) NOT NULL,
    users      INTEGER      NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL,
    PRIMARY KEY (host_url, name)
);
