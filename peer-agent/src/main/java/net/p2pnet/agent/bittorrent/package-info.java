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
 */
package net.p2pnet.agent.bittorrent;
