/**
 * Schema versions, applied in order and recorded in `schema_migrations`, so a server started on an
 * older database upgrades it and one started twice does nothing. Never edit a shipped migration:
 * add the next one. Each dialect gets its own SQL; the shapes are the same.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, sessions, challenges, documents',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        email_hash TEXT NOT NULL UNIQUE,
        keyring TEXT NOT NULL,
        auth_public_key TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_account ON sessions(account_id);
      CREATE TABLE challenges (
        nonce_hash TEXT PRIMARY KEY,
        email_hash TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX challenges_email ON challenges(email_hash);
      CREATE TABLE documents (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        profile_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        rev INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        key_id TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        nonce TEXT NOT NULL,
        ciphertext TEXT NOT NULL,
        author TEXT,
        sig TEXT,
        PRIMARY KEY (account_id, id)
      ) STRICT;
      CREATE UNIQUE INDEX documents_seq ON documents(account_id, seq);
      CREATE INDEX documents_live_profiles ON documents(account_id) WHERE kind = 'profile' AND deleted = 0;
    `,
  },
  {
    version: 2,
    name: 'index for pulls of one kind',
    sql: 'CREATE INDEX documents_kind_seq ON documents(account_id, kind, seq);',
  },
  {
    version: 3,
    name: 'emergency access log: token hashes and openings',
    sql: `
      CREATE TABLE emergency_tokens (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX emergency_tokens_account ON emergency_tokens(account_id);
      CREATE TABLE emergency_openings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL,
        opened_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX emergency_openings_account ON emergency_openings(account_id, opened_at);
    `,
  },
  {
    version: 4,
    name: 'practitioner shares, their log and pending entries',
    sql: `
      CREATE TABLE practitioners (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        profile TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        mode TEXT NOT NULL,
        sections TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        token_hash TEXT NOT NULL,
        has_passcode INTEGER NOT NULL,
        lookup_id TEXT UNIQUE,
        code_proof_hash TEXT,
        wrapped_key TEXT,
        revoked_at INTEGER,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_at INTEGER,
        snapshot_version INTEGER NOT NULL,
        snapshot_nonce TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        owner_secret TEXT
      ) STRICT;
      CREATE INDEX shares_owner ON shares(owner_id);
      CREATE TABLE share_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        actor TEXT,
        profession TEXT,
        sections TEXT NOT NULL,
        version INTEGER
      ) STRICT;
      CREATE INDEX share_log_share ON share_log(share_id, at);
      CREATE INDEX share_log_actor ON share_log(actor_id);
      CREATE TABLE share_entries (
        id TEXT NOT NULL,
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        sealed TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        author_sign_pk TEXT NOT NULL,
        PRIMARY KEY (share_id, id)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'typed codes: their own failure counter and lock; lookup ids no longer unique',
    // The typed code's lookup id moves to a column without a UNIQUE constraint: creating a share
    // whose lookup id is in use must not tell anyone that it is (redemption tells the shares apart
    // by their proof). SQLite cannot drop a constraint in place, so the old column stays, empty.
    sql: `
      ALTER TABLE shares ADD COLUMN code_lookup TEXT;
      UPDATE shares SET code_lookup = lookup_id, lookup_id = NULL;
      CREATE INDEX shares_code_lookup ON shares(code_lookup) WHERE code_lookup IS NOT NULL;
      ALTER TABLE shares ADD COLUMN code_failed_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE shares ADD COLUMN code_locked_at INTEGER;
    `,
  },
  {
    version: 6,
    name: 'storage quota: ciphertext bytes per account; purged shares',
    // The running total is kept with the account (updated by every push, in its transaction), so
    // checking the quota never sums an account's documents; existing accounts start from their sum.
    sql: `
      ALTER TABLE accounts ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
      UPDATE accounts SET stored_bytes =
        (SELECT COALESCE(SUM(LENGTH(ciphertext)), 0) FROM documents WHERE documents.account_id = accounts.id);
      ALTER TABLE shares ADD COLUMN purged_at INTEGER;
    `,
  },
  {
    version: 7,
    name: 'ended sessions remember why',
    // A session ended by a passphrase change or "sign out everywhere else" stays (until it would
    // have expired) with its reason, so that device is told why instead of a bare 401.
    sql: 'ALTER TABLE sessions ADD COLUMN ended_reason TEXT;',
  },
  {
    version: 8,
    name: 'messaging: threads, participants, messages, attachments, blocks',
    sql: `
      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE thread_participants (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        wrapped_key TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0,
        delivered_seq INTEGER NOT NULL DEFAULT 0,
        read_seq INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (thread_id, account_id)
      ) STRICT;
      CREATE INDEX thread_participants_account ON thread_participants(account_id);
      CREATE TABLE thread_messages (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        sender_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        sender_seq INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        envelope TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        PRIMARY KEY (thread_id, seq),
        UNIQUE (thread_id, sender_id, sender_seq)
      ) STRICT;
      CREATE INDEX thread_messages_sender ON thread_messages(sender_id);
      CREATE TABLE thread_attachments (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        uploader_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        chunk_count INTEGER NOT NULL,
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (thread_id, id)
      ) STRICT;
      CREATE INDEX thread_attachments_uploader ON thread_attachments(uploader_id);
      CREATE TABLE attachment_chunks (
        thread_id TEXT NOT NULL,
        attachment_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (thread_id, attachment_id, idx),
        FOREIGN KEY (thread_id, attachment_id) REFERENCES thread_attachments(thread_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE TABLE message_blocks (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        blocked_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, blocked_id)
      ) STRICT;
    `,
  },
  {
    version: 9,
    name: 'devices: session ids, names, last seen; access events',
    // Sessions get a random public id (older ones one drawn here), a device name and their times;
    // access_events is the account's history of sign-ins and account changes (no address kept).
    sql: `
      ALTER TABLE sessions ADD COLUMN id TEXT;
      ALTER TABLE sessions ADD COLUMN device_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
      UPDATE sessions SET id = lower(hex(randomblob(16))), created_at = max(0, expires_at - 2592000000),
        last_seen_at = max(0, expires_at - 2592000000);
      CREATE UNIQUE INDEX sessions_id ON sessions(id);
      CREATE TABLE access_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        session_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        target_session_id TEXT,
        target_device_name TEXT
      ) STRICT;
      CREATE INDEX access_events_account ON access_events(account_id, at);
    `,
  },
  {
    version: 12,
    name: 'web push subscriptions',
    // One push subscription per session (device): the push service's endpoint and the
    // subscription's public keys, nothing else. It goes with its session and with its account.
    sql: `
      CREATE TABLE push_subscriptions (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        p256dh TEXT NOT NULL,
        auth TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX push_subscriptions_account ON push_subscriptions(account_id);
    `,
  },
  {
    version: 13,
    name: 'second-opinion requests, their offers to candidate doctors, their sealed items',
    // What the server may read of a request is listed in shared/protocol/opinions.ts: states, times,
    // accounts, the stated price. Summaries and items are sealed; a withdrawn offer keeps its row
    // (the candidate sees the request gone) but loses its sealed summary.
    sql: `
      CREATE TABLE opinion_requests (
        id TEXT PRIMARY KEY,
        requester_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        candidates INTEGER NOT NULL,
        requester_copy TEXT NOT NULL,
        doctor_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        accepted_at INTEGER,
        due_at INTEGER,
        reported_at INTEGER,
        closed_at INTEGER,
        price_cents INTEGER
      ) STRICT;
      CREATE INDEX opinion_requests_requester ON opinion_requests(requester_id);
      CREATE INDEX opinion_requests_doctor ON opinion_requests(doctor_id);
      CREATE TABLE opinion_offers (
        request_id TEXT NOT NULL REFERENCES opinion_requests(id) ON DELETE CASCADE,
        candidate_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        sealed_summary TEXT,
        PRIMARY KEY (request_id, candidate_id)
      ) STRICT;
      CREATE INDEX opinion_offers_candidate ON opinion_offers(candidate_id);
      CREATE TABLE opinion_items (
        request_id TEXT NOT NULL REFERENCES opinion_requests(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL,
        for_requester TEXT NOT NULL,
        for_doctor TEXT NOT NULL,
        PRIMARY KEY (request_id, seq)
      ) STRICT;
      CREATE INDEX opinion_items_author ON opinion_items(author_id);
    `,
  },
  {
    version: 14,
    name: 'appointments and practitioner availability',
    // The availability is public (the practitioner's listing). An appointment names two accounts,
    // a start (NULL: as soon as possible), its state and two sealed copies of the request. The
    // partial unique index refuses two live appointments of one practitioner at one start: the
    // database decides a race for a slot (docs/architecture.md §10.4).
    sql: `
      CREATE TABLE practitioner_availability (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        availability TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        practitioner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        patient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        starts_at INTEGER,
        duration_minutes INTEGER NOT NULL,
        status TEXT NOT NULL,
        proposed_by TEXT NOT NULL,
        sealed_practitioner TEXT NOT NULL,
        sealed_patient TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX appointments_one_per_slot ON appointments(practitioner_id, starts_at)
        WHERE starts_at IS NOT NULL AND status IN ('requested', 'proposed', 'accepted');
      CREATE INDEX appointments_practitioner ON appointments(practitioner_id, updated_at);
      CREATE INDEX appointments_patient ON appointments(patient_id, updated_at);
    `,
  },
  {
    version: 16,
    name: 'terms of use accepted; single-use shares',
    // The account holder's signed acceptance of the terms (JSON, verified by their devices with the
    // identity key; no health data). A single-use share closes at its first opening (used_at).
    sql: `
      ALTER TABLE accounts ADD COLUMN terms TEXT;
      ALTER TABLE shares ADD COLUMN single_use INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE shares ADD COLUMN used_at INTEGER;
    `,
  },
  {
    version: 17,
    name: 'files carried by shares',
    // Chunk ciphertexts of the documents a patient shares and of the files practitioners attach to
    // entries (shared/crypto/share-file.ts): encrypted under a key derived from the share key, which
    // the server never holds. The uploader is named so only they write a file's chunks; a file goes
    // with its share, with its uploader's account, and a patient's shared documents at revocation.
    sql: `
      CREATE TABLE share_files (
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        uploader_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        chunk_count INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (share_id, id)
      ) STRICT;
      CREATE TABLE share_file_chunks (
        share_id TEXT NOT NULL,
        file_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (share_id, file_id, idx),
        FOREIGN KEY (share_id, file_id) REFERENCES share_files(share_id, id) ON DELETE CASCADE
      ) STRICT;
    `,
  },
];
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, sessions, challenges, documents',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        email_hash TEXT NOT NULL UNIQUE,
        keyring TEXT NOT NULL,
        auth_public_key TEXT NOT NULL,
        seq BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_account ON sessions(account_id);
      CREATE TABLE challenges (
        nonce_hash TEXT PRIMARY KEY,
        email_hash TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX challenges_email ON challenges(email_hash);
      CREATE TABLE documents (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        profile_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        rev BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        deleted BOOLEAN NOT NULL,
        key_id TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        nonce TEXT NOT NULL,
        ciphertext TEXT NOT NULL,
        author TEXT,
        sig TEXT,
        PRIMARY KEY (account_id, id)
      );
      CREATE UNIQUE INDEX documents_seq ON documents(account_id, seq);
      CREATE INDEX documents_live_profiles ON documents(account_id) WHERE kind = 'profile' AND NOT deleted;
    `,
  },
  {
    version: 2,
    name: 'index for pulls of one kind',
    sql: 'CREATE INDEX documents_kind_seq ON documents(account_id, kind, seq);',
  },
  {
    version: 3,
    name: 'emergency access log: token hashes and openings',
    sql: `
      CREATE TABLE emergency_tokens (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX emergency_tokens_account ON emergency_tokens(account_id);
      CREATE TABLE emergency_openings (
        id BIGSERIAL PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL,
        opened_at BIGINT NOT NULL
      );
      CREATE INDEX emergency_openings_account ON emergency_openings(account_id, opened_at);
    `,
  },
  {
    version: 4,
    name: 'practitioner shares, their log and pending entries',
    sql: `
      CREATE TABLE practitioners (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        profile TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        mode TEXT NOT NULL,
        sections TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        token_hash TEXT NOT NULL,
        has_passcode BOOLEAN NOT NULL,
        lookup_id TEXT UNIQUE,
        code_proof_hash TEXT,
        wrapped_key TEXT,
        revoked_at BIGINT,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_at BIGINT,
        snapshot_version BIGINT NOT NULL,
        snapshot_nonce TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        owner_secret TEXT
      );
      CREATE INDEX shares_owner ON shares(owner_id);
      CREATE TABLE share_log (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        at BIGINT NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        actor TEXT,
        profession TEXT,
        sections TEXT NOT NULL,
        version BIGINT
      );
      CREATE INDEX share_log_share ON share_log(share_id, at);
      CREATE INDEX share_log_actor ON share_log(actor_id);
      CREATE TABLE share_entries (
        id TEXT NOT NULL,
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        sealed TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        author_sign_pk TEXT NOT NULL,
        PRIMARY KEY (share_id, id)
      );
    `,
  },
  {
    version: 5,
    name: 'typed codes: their own failure counter and lock; lookup ids no longer unique',
    // The typed code's lookup id moves to a column without a UNIQUE constraint: creating a share
    // whose lookup id is in use must not tell anyone that it is (redemption tells the shares apart
    // by their proof). The old column stays, empty, so both stores keep one shape.
    sql: `
      ALTER TABLE shares ADD COLUMN code_lookup TEXT;
      UPDATE shares SET code_lookup = lookup_id, lookup_id = NULL;
      CREATE INDEX shares_code_lookup ON shares(code_lookup) WHERE code_lookup IS NOT NULL;
      ALTER TABLE shares ADD COLUMN code_failed_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE shares ADD COLUMN code_locked_at BIGINT;
    `,
  },
  {
    version: 6,
    name: 'storage quota: ciphertext bytes per account; purged shares',
    // The running total is kept with the account (updated by every push, in its transaction), so
    // checking the quota never sums an account's documents; existing accounts start from their sum.
    sql: `
      ALTER TABLE accounts ADD COLUMN stored_bytes BIGINT NOT NULL DEFAULT 0;
      UPDATE accounts SET stored_bytes =
        (SELECT COALESCE(SUM(LENGTH(ciphertext)), 0) FROM documents WHERE documents.account_id = accounts.id);
      ALTER TABLE shares ADD COLUMN purged_at BIGINT;
    `,
  },
  {
    version: 7,
    name: 'ended sessions remember why',
    // A session ended by a passphrase change or "sign out everywhere else" stays (until it would
    // have expired) with its reason, so that device is told why instead of a bare 401.
    sql: 'ALTER TABLE sessions ADD COLUMN ended_reason TEXT;',
  },
  {
    version: 8,
    name: 'messaging: threads, participants, messages, attachments, blocks',
    sql: `
      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        seq BIGINT NOT NULL DEFAULT 0
      );
      CREATE TABLE thread_participants (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        wrapped_key TEXT NOT NULL,
        archived BOOLEAN NOT NULL DEFAULT FALSE,
        delivered_seq BIGINT NOT NULL DEFAULT 0,
        read_seq BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (thread_id, account_id)
      );
      CREATE INDEX thread_participants_account ON thread_participants(account_id);
      CREATE TABLE thread_messages (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        sender_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        sender_seq BIGINT NOT NULL,
        received_at BIGINT NOT NULL,
        envelope TEXT NOT NULL,
        bytes BIGINT NOT NULL,
        PRIMARY KEY (thread_id, seq),
        UNIQUE (thread_id, sender_id, sender_seq)
      );
      CREATE INDEX thread_messages_sender ON thread_messages(sender_id);
      CREATE TABLE thread_attachments (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        uploader_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        chunk_count BIGINT NOT NULL,
        position BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (thread_id, id)
      );
      CREATE INDEX thread_attachments_uploader ON thread_attachments(uploader_id);
      CREATE TABLE attachment_chunks (
        thread_id TEXT NOT NULL,
        attachment_id TEXT NOT NULL,
        idx BIGINT NOT NULL,
        bytes BIGINT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (thread_id, attachment_id, idx),
        FOREIGN KEY (thread_id, attachment_id) REFERENCES thread_attachments(thread_id, id) ON DELETE CASCADE
      );
      CREATE TABLE message_blocks (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        blocked_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (account_id, blocked_id)
      );
    `,
  },
  {
    version: 9,
    name: 'devices: session ids, names, last seen; access events',
    sql: `
      ALTER TABLE sessions ADD COLUMN id TEXT;
      ALTER TABLE sessions ADD COLUMN device_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE sessions ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
      UPDATE sessions SET id = md5(random()::text || token_hash),
        created_at = GREATEST(0, expires_at - 2592000000), last_seen_at = GREATEST(0, expires_at - 2592000000);
      CREATE UNIQUE INDEX sessions_id ON sessions(id);
      CREATE TABLE access_events (
        id BIGSERIAL PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        at BIGINT NOT NULL,
        kind TEXT NOT NULL,
        session_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        target_session_id TEXT,
        target_device_name TEXT
      );
      CREATE INDEX access_events_account ON access_events(account_id, at);
    `,
  },
  {
    version: 10,
    name: 'signaling relay between instances',
    // PostgreSQL only: SQLite serves one instance, whose signaling never leaves the process
    // (signaling/postgres-relay.ts). Which instance holds each peer id, on a lease each instance
    // renews; messages for a peer on another instance, taken (deleted) by that instance in id order;
    // call tokens used on any instance (single use across all of them).
    sql: `
      CREATE TABLE signaling_peers (
        peer_id TEXT PRIMARY KEY,
        instance TEXT NOT NULL,
        claim TEXT NOT NULL,
        seen_at BIGINT NOT NULL
      );
      CREATE INDEX signaling_peers_instance ON signaling_peers(instance);
      CREATE TABLE signaling_messages (
        id BIGSERIAL PRIMARY KEY,
        instance TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX signaling_messages_instance ON signaling_messages(instance, id);
      CREATE TABLE signaling_used_tokens (
        tag TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 12,
    name: 'web push subscriptions',
    sql: `
      CREATE TABLE push_subscriptions (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        p256dh TEXT NOT NULL,
        auth TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX push_subscriptions_account ON push_subscriptions(account_id);
    `,
  },
  {
    version: 13,
    name: 'second-opinion requests, their offers to candidate doctors, their sealed items',
    // What the server may read of a request is listed in shared/protocol/opinions.ts: states, times,
    // accounts, the stated price. Summaries and items are sealed; a withdrawn offer keeps its row
    // (the candidate sees the request gone) but loses its sealed summary.
    sql: `
      CREATE TABLE opinion_requests (
        id TEXT PRIMARY KEY,
        requester_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        candidates BIGINT NOT NULL,
        requester_copy TEXT NOT NULL,
        doctor_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        accepted_at BIGINT,
        due_at BIGINT,
        reported_at BIGINT,
        closed_at BIGINT,
        price_cents BIGINT
      );
      CREATE INDEX opinion_requests_requester ON opinion_requests(requester_id);
      CREATE INDEX opinion_requests_doctor ON opinion_requests(doctor_id);
      CREATE TABLE opinion_offers (
        request_id TEXT NOT NULL REFERENCES opinion_requests(id) ON DELETE CASCADE,
        candidate_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        sealed_summary TEXT,
        PRIMARY KEY (request_id, candidate_id)
      );
      CREATE INDEX opinion_offers_candidate ON opinion_offers(candidate_id);
      CREATE TABLE opinion_items (
        request_id TEXT NOT NULL REFERENCES opinion_requests(id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        author_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        at BIGINT NOT NULL,
        for_requester TEXT NOT NULL,
        for_doctor TEXT NOT NULL,
        PRIMARY KEY (request_id, seq)
      );
      CREATE INDEX opinion_items_author ON opinion_items(author_id);
    `,
  },
  {
    version: 14,
    name: 'appointments and practitioner availability',
    // The availability is public (the practitioner's listing). An appointment names two accounts,
    // a start (NULL: as soon as possible), its state and two sealed copies of the request. The
    // partial unique index refuses two live appointments of one practitioner at one start: the
    // database decides a race for a slot (docs/architecture.md §10.4).
    sql: `
      CREATE TABLE practitioner_availability (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        availability TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        practitioner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        patient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        starts_at BIGINT,
        duration_minutes BIGINT NOT NULL,
        status TEXT NOT NULL,
        proposed_by TEXT NOT NULL,
        sealed_practitioner TEXT NOT NULL,
        sealed_patient TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX appointments_one_per_slot ON appointments(practitioner_id, starts_at)
        WHERE starts_at IS NOT NULL AND status IN ('requested', 'proposed', 'accepted');
      CREATE INDEX appointments_practitioner ON appointments(practitioner_id, updated_at);
      CREATE INDEX appointments_patient ON appointments(patient_id, updated_at);
    `,
  },
  {
    version: 16,
    name: 'terms of use accepted; single-use shares',
    sql: `
      ALTER TABLE accounts ADD COLUMN terms TEXT;
      ALTER TABLE shares ADD COLUMN single_use BOOLEAN NOT NULL DEFAULT FALSE;
      ALTER TABLE shares ADD COLUMN used_at BIGINT;
    `,
  },
  {
    version: 17,
    name: 'files carried by shares',
    sql: `
      CREATE TABLE share_files (
        share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        uploader_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        chunk_count INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (share_id, id)
      );
      CREATE TABLE share_file_chunks (
        share_id TEXT NOT NULL,
        file_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (share_id, file_id, idx),
        FOREIGN KEY (share_id, file_id) REFERENCES share_files(share_id, id) ON DELETE CASCADE
      );
    `,
  },
];
