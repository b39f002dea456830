package net.p2pnet.agent.share;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface SharedFileRepository extends JpaRepository<SharedFileEntity, String> {

    @Query("select f.uploadedBytes from SharedFileEntity f where f.path = :path")
    Optional<Long> uploaded(String path);

    /** @return rows changed (0 while the file has no hash cache row yet) */
    @Modifying
    @Transactional
    @Query("update SharedFileEntity f set f.uploadedBytes = :bytes where f.path = :path")
    int setUploaded(String path, long bytes);
}
