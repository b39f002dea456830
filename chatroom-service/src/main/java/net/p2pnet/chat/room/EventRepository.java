package net.p2pnet.chat.room;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface EventRepository extends JpaRepository<EventEntity, Long> {

    List<EventEntity> findByRoomIdAndIdGreaterThanOrderByIdAsc(long roomId, long after, Limit limit);

    List<EventEntity> findByRoomIdAndKindAndIdGreaterThanOrderByIdAsc(long roomId, EventKind kind, long after,
            Limit limit);

    List<EventEntity> findByRoomIdAndKindOrderByIdDesc(long roomId, EventKind kind, Limit limit);

    @Transactional
    @Modifying
    @Query("delete from EventEntity e where e.createdAt < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
