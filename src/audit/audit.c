/* SPDX-License-Identifier: Apache-2.0 */
/* The audit log: append (hash chain over the previous hash and the canonical entry), verify, export. */
#include "audit_chain.h"

#include <stdio.h>
#include <string.h>
#include "clock.h"
#include "store.h"
#include "tg/engine.h"
#include "buf.h"
#include "err.h"
#include "sha256.h"

static const char zero_hash[] = "0000000000000000000000000000000000000000000000000000000000000000";

/* Header of an entry up to its data, and the tail after it: both derived from the row's columns so
 * that verify also catches edits of the columns. */
static int entry_head(tg_buf *b, const char *actor, const char *at)
{
	int rc;
	if ((rc = tg__buf_puts(b, "{\"actor\":")) < 0 || (rc = tg__buf_put_json_str(b, actor)) < 0 ||
	    (rc = tg__buf_puts(b, ",\"at\":")) < 0 || (rc = tg__buf_put_json_str(b, at)) < 0)
		return rc;
	return tg__buf_puts(b, ",\"data\":");
}

static int entry_tail(tg_buf *b, const char *kind, int64_t seq, const char *subject)
{
	int rc;
	if ((rc = tg__buf_puts(b, ",\"kind\":")) < 0 || (rc = tg__buf_put_json_str(b, kind)) < 0 ||
	    (rc = tg__buf_printf(b, ",\"seq\":%lld,\"subject\":", (long long)seq)) < 0 ||
	    (rc = tg__buf_put_json_str(b, subject)) < 0)
		return rc;
	return tg__buf_putc(b, '}');
}

static int chain_hash(char out[65], const char *prev, const char *entry, size_t len)
{
	return tg__sha256_hex2(out, prev, 64, entry, len);
}

/* The chain's head as this module knows it inside the current write transaction, kept in the store's
 * per-transaction state. During a batch (tg__audit_batch_begin) each entry updates it instead of reading
 * and rewriting the head row; the row is written once before the commit (a commit with the head unwritten
 * is refused by head_check). Zeroed by the store when the transaction ends. */
typedef struct audit_head {
	int batch, valid, dirty;
	int64_t seq;
	char hash[65];
} audit_head;

static int head_check(const void *state, tg_err *err)
{
	if (((const audit_head *)state)->dirty) /* a batch that did not write its audit head: a bug */
		return tg__fail(err, TG_EINTERNAL, "store: commit with the audit head not written");
	return TG_OK;
}

static audit_head *head_of(tg_store *st)
{
	_Static_assert(sizeof(audit_head) <= TG__STORE_TXN_STATE, "audit head fits the store's slot");
	return tg__store_txn_state(st, head_check);
}

static int read_head(int64_t *seq, char prev[65], tg_store *st, tg_err *err)
{
	audit_head *h = head_of(st);
	tg__stmt *s;
	int rc;
	if (h->batch && h->valid) { /* the head this transaction last wrote */
		*seq = h->seq;
		memcpy(prev, h->hash, 65);
		return TG_OK;
	}
	*seq = 0;
	memcpy(prev, zero_hash, 65);
	if ((rc = tg__store_prepare(&s, st, tg__audit_sql_q, err)) < 0)
		return rc;
	if ((rc = tg__stmt_step(s, err)) == 1) {
		*seq = tg__stmt_int64(s, 0);
		snprintf(prev, 65, "%s", tg__stmt_text(s, 1));
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

static int write_head(tg_store *st, int64_t seq, const char *hash, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__audit_sql_head, err)) < 0)
		return rc;
	tg__stmt_bind_int64(s, 1, seq);
	tg__stmt_bind_text(s, 2, hash, 64);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

void tg__audit_batch_begin(tg_store *st)
{
	audit_head *h = head_of(st);
	memset(h, 0, sizeof(*h));
	h->batch = 1;
}

int tg__audit_batch_end(tg_store *st, tg_err *err)
{
	audit_head *h = head_of(st);
	int rc = h->dirty ? write_head(st, h->seq, h->hash, err) : TG_OK;
	if (rc == TG_OK)
		memset(h, 0, sizeof(*h));
	return rc;
}

static int write_entry(tg_store *st, int64_t seq, const char *at, const char *actor, const char *kind,
		       const char *subject, const tg_buf *entry, const char *prev, const char *hash, tg_err *err)
{
	audit_head *h = head_of(st);
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__audit_sql_ins, err)) < 0)
		return rc;
	tg__stmt_bind_int64(s, 1, seq);
	tg__stmt_bind_text(s, 2, at, -1);
	tg__stmt_bind_text(s, 3, actor, -1);
	tg__stmt_bind_text(s, 4, kind, -1);
	tg__stmt_bind_text(s, 5, subject, -1);
	tg__stmt_bind_text(s, 6, entry->ptr, (long)entry->size);
	tg__stmt_bind_text(s, 7, prev, 64);
	tg__stmt_bind_text(s, 8, hash, 64);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0)
		return rc;
	if (h->batch) { /* the head row is written once, by tg__audit_batch_end */
		h->seq = seq;
		memcpy(h->hash, hash, 64);
		h->hash[64] = '\0';
		h->valid = h->dirty = 1;
		return TG_OK;
	}
	return write_head(st, seq, hash, err);
}

int tg__audit_append(tg_store *st, const char *actor, const char *kind, const char *subject, const char *data_json,
		     tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char prev[65], hash[65], at[21];
	int64_t seq;
	int rc;

	tg__utc_now(at);
	if ((rc = read_head(&seq, prev, st, err)) < 0)
		goto done;
	seq++;
	if ((rc = entry_head(&b, actor, at)) < 0 || (rc = tg__buf_puts(&b, data_json ? data_json : "null")) < 0 ||
	    (rc = entry_tail(&b, kind, seq, subject)) < 0) {
		rc = tg__fail(err, rc, "audit: cannot encode the entry");
		goto done;
	}
	if (chain_hash(hash, prev, b.ptr, b.size) < 0) {
		rc = tg__fail(err, TG_EINTERNAL, "audit: sha256 failed");
		goto done;
	}
	rc = write_entry(st, seq, at, actor, kind, subject, &b, prev, hash, err);
done:
	tg_buf_dispose(&b);
	return rc;
}
