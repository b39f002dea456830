package net.p2pnet.chat.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A room in memory: its stored attributes, its members and its live subscribers. Events are appended
 * and fanned out under the room's lock, so every subscriber sees them in id order.
 */
public final class LiveRoom {

    private final long id;
    private final String name;
    private final String ownerPeer;
    private final String inviteCode;
    private final Instant createdAt;
    private volatile String topic;
    private volatile boolean deleted;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Member> membersByPeer = new ConcurrentHashMap<>();
    private final Set<RoomSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    LiveRoom(RoomEntity entity) {
        this.id = entity.getId();
        this.name = entity.getName();
        this.ownerPeer = entity.getOwnerPeer();
        this.inviteCode = entity.getInviteCode();
        this.createdAt = entity.getCreatedAt();
        this.topic = entity.getTopic();
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    void topic(String topic) {
        this.topic = topic;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isPrivate() {
        return inviteCode != null;
    }

    public boolean isOwner(String peerId) {
        return ownerPeer.equals(peerId);
    }

    public boolean inviteMatches(String code) {
        return inviteCode != null && code != null && MessageDigest.isEqual(
                inviteCode.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8));
    }

    /** The invite code, shown only to the owner. */
    public Optional<String> inviteCodeFor(String peerId) {
        return isOwner(peerId) ? Optional.ofNullable(inviteCode) : Optional.empty();
    }

    /** Public rooms are visible to every ticket holder; private ones to their owner and members. */
    public boolean visibleTo(String peerId) {
        return !isPrivate() || isOwner(peerId) || membersByPeer.containsKey(peerId);
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Runs {@code action} holding the room's lock: what it appends is ordered against every other event. */
    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public Optional<Member> member(String peerId) {
        return Optional.ofNullable(membersByPeer.get(peerId));
    }

    public Optional<Member> memberNamed(String nickname) {
        return membersByPeer.values().stream().filter(m -> m.nickname().equals(nickname)).findFirst();
    }

    public Collection<Member> members() {
        return List.copyOf(membersByPeer.values());
    }

    public int memberCount() {
        return membersByPeer.size();
    }

    public void addMember(Member member) {
        membersByPeer.put(member.peerId(), member);
    }

    public boolean removeMember(Member member) {
        return membersByPeer.remove(member.peerId(), member);
    }

    public void subscribe(RoomSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(RoomSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Hands the event to every subscriber; one that cannot keep up is closed instead of slowing the rest. */
    public void publish(PublishedEvent event) {
        for (RoomSubscriber subscriber : subscribers) {
            if (!subscriber.offer(event)) {
                subscribers.remove(subscriber);
                subscriber.close();
            }
        }
    }

    /** Closes the streams a peer opened here (after a kick). */
    public void closeStreamsOf(String peerId) {
        subscribers.removeIf(s -> {
            if (s.peerId().equals(peerId)) {
                s.close();
                return true;
            }
            return false;
        });
    }

    void markDeleted() {
        deleted = true;
        membersByPeer.clear();
        subscribers.forEach(RoomSubscriber::close);
        subscribers.clear();
    }
}
