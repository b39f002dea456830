/**
 * The agent's BitTorrent peer wire side (BEP 3, 6, 9, 10, 11): a listener, outgoing connections,
 * serving verified pieces to standard clients, fetching pieces and metadata from them.
 *
 * <p>Written by hand: no maintained Java BitTorrent wire library is fit for embedding here. The
 * candidates (atomashpolskiy/bt, ttorrent, frostwire-jlibtorrent) are unmaintained, bring their own
 * storage, DHT and threading model, or are native bindings; the agent needs only the peer wire
 * messages on top of its own storage, verification, rate limits and catalog.
 *
 * <p>Threads: one virtual reader and one virtual writer per connection (all writes go through the
 * writer's queue, so nobody but the writer ever blocks on a slow peer's socket), one virtual uploader
 * per connection, and one scheduler for the periodic work (HAVEs, choker, keep-alive, PEX).
 *
 * <p>Layout: {@link net.p2pnet.agent.bittorrent.BtPeers} holds the connections; a
 * {@code PeerConnection} owns its lifecycle and the choke / interest state and hands each message
 * ({@code WireMessage}, framed by {@code WireCodec}) to the part it concerns: {@code PieceFetcher}
 * (our fetches), {@code Uploader} (the peer's requests), {@code MetadataExchange} (BEP 9) and
 * {@code PeerExchange} (BEP 11), which send through its {@code Outbox}. Each part owns its state
 * under its own lock. docs/bittorrent.md has the table.
 */
package net.p2pnet.agent.bittorrent;
