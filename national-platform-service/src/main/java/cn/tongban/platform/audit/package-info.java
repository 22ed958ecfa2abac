/**
 * The platform's audit log (审计日志): every event the platform relays is appended to a hash chain (国密 SM3),
 * and the platform signs the chain's latest hash (国密 SM2) in checkpoints, so that an edited, removed,
 * reordered or cut-off record is found by {@link cn.tongban.platform.audit.AuditVerifier}.
 *
 * <h2>Stored shape (MongoDB, platform database)</h2>
 * <ul>
 * <li>{@code audit_log}: one document per record, {@code _id} = sequence number (1, 2, 3 …, no gaps), holding
 *     exactly the strings that are hashed (see {@link cn.tongban.platform.audit.AuditRecord}).</li>
 * <li>{@code audit_head}: one document {@code {_id: "chain", seq, hash}}, the last record appended. It lets an
 *     appender find the end of the chain in one read and lets the verifier notice records cut from the
 *     end.</li>
 * <li>{@code audit_checkpoints}: {@code {_id: seq, seq, hash, time, signature, key}}, the platform's SM2
 *     signature over a record's hash (see {@link cn.tongban.platform.audit.AuditCheckpoint}).</li>
 * </ul>
 *
 * <h2>Why the chain cannot fork</h2>
 * An appender reads the head (seq s, hash h), builds record s+1 on h and inserts it with {@code _id = s+1}.
 * The unique {@code _id} is the compare-and-set: of two replicas building on the same head, one insert wins
 * and the other gets a duplicate key, moves the head on to the record that won and builds again. After its
 * insert the winner advances the head with a single-document update conditional on {@code seq == s}; if it
 * crashes before that, the next appender's duplicate key repairs the head the same way. Neither step needs a
 * transaction or anything beyond a unique index and a conditional update, so it holds on a standalone server
 * and on the embedded one alike.
 *
 * <h2>What the checkpoints add</h2>
 * Anyone who can write to the database can rewrite the chain and recompute every hash after the change. A
 * signed checkpoint pins the hash at its sequence number: a rewrite of anything up to the last checkpoint no
 * longer matches a signature only the platform's private key can make. Records after the last checkpoint
 * are protected only by the chain and the head, hence checkpoints every {@code tongban.audit.checkpoint-every}
 * records or every {@code tongban.audit.checkpoint-interval}, and on shutdown. The platform signs only hashes
 * it computed itself in memory, never ones read back from the database.
 */
package cn.tongban.platform.audit;
