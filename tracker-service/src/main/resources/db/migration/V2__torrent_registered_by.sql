-- Who registered a torrent: the peer id of the passkey that came with the registration. Only that
-- member (or the operator) may delete it. NULL for the allowed directory, the operator, and open-mode
-- registrations without a passkey: those only the operator may delete.
ALTER TABLE torrent ADD COLUMN registered_by VARCHAR(128);
