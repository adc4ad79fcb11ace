/* SPDX-License-Identifier: Apache-2.0 */
/* Verification and export of the audit log. Verify re-derives every entry's header and tail from
 * its columns, checks the sequence has no gap, and recomputes the hash chain; the first entry that
 * fails any of these is named. */
#include "tg/audit.h"
#include "ctx.h"
#include "audit_chain.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include "store.h"
#include "buf.h"
#include "err.h"

typedef struct verifier {
	EVP_MD_CTX *md;
	EVP_MD *alg; /* fetched once: an implicit fetch per entry costs as much as the hash */
	tg_buf want;
	char prev[65];
	int64_t seq;
} verifier;

static void to_hex(char out[65], const unsigned char *md)
{
	static const char hex[] = "0123456789abcdef";
	int i;
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

static int hash_entry(verifier *v, char out[65], const char *entry, size_t len)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	if (EVP_DigestInit_ex(v->md, v->alg, NULL) != 1 || EVP_DigestUpdate(v->md, v->prev, 64) != 1 ||
	    EVP_DigestUpdate(v->md, entry, len) != 1 || EVP_DigestFinal_ex(v->md, md, &n) != 1 || n != 32)
		return -1;
	to_hex(out, md);
	return 0;
}

/* Match the JSON string literal of s at *p (advancing it): 1 yes, 0 no, -1 out of memory. Plain text is
 * compared in place; text that needs escaping is encoded first. */
static int lit(verifier *v, const char **p, const char *end, const char *s)
{
	size_t n = strlen(s), i;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] >= 0x7f)
			break;
	if (i == n) {
		if ((size_t)(end - *p) < n + 2 || (*p)[0] != '"' || memcmp(*p + 1, s, n) != 0 || (*p)[n + 1] != '"')
			return 0;
		*p += n + 2;
		return 1;
	}
	tg__buf_clear(&v->want);
	if (tg__buf_put_json_str(&v->want, s) < 0)
		return -1;
	if ((size_t)(end - *p) < v->want.size || memcmp(*p, v->want.ptr, v->want.size) != 0)
		return 0;
	*p += v->want.size;
	return 1;
}

static int word(const char **p, const char *end, const char *w, size_t n)
{
	if ((size_t)(end - *p) < n || memcmp(*p, w, n) != 0)
		return 0;
	*p += n;
	return 1;
}

/* Does the entry text agree with the columns (actor, at before data; kind, seq, subject after)? The tail
 * is located from the end: ,"kind":K,"seq":N,"subject":S} with S, N, K taken from the columns. */
static int frame_ok(verifier *v, tg__stmt *s, const char *entry, size_t len)
{
	const char *p = entry, *end = entry + len, *tail;
	char num[32];
	int r = 0, nl = snprintf(num, sizeof(num), ",\"seq\":%lld,\"subject\":", (long long)tg__stmt_int64(s, 0));
	if (!word(&p, end, "{\"actor\":", 9) || (r = lit(v, &p, end, tg__stmt_text(s, 1))) != 1 ||
	    !word(&p, end, ",\"at\":", 6) || (r = lit(v, &p, end, tg__stmt_text(s, 2))) != 1 ||
	    !word(&p, end, ",\"data\":", 8))
		return r < 0 ? -1 : 0;
	tg__buf_clear(&v->want);
	if (tg__buf_puts(&v->want, ",\"kind\":") < 0 || tg__buf_put_json_str(&v->want, tg__stmt_text(s, 3)) < 0 ||
	    tg__buf_put(&v->want, num, (size_t)nl) < 0 || tg__buf_put_json_str(&v->want, tg__stmt_text(s, 4)) < 0 ||
	    tg__buf_putc(&v->want, '}') < 0)
		return -1;
	if ((size_t)(end - p) < v->want.size)
		return 0;
	tail = end - v->want.size;
	return memcmp(tail, v->want.ptr, v->want.size) == 0;
}

static int broken(tg_audit_report *out, int64_t seq, const char *why)
{
	out->first_broken = seq;
	snprintf(out->reason, sizeof(out->reason), "%s", why);
	return TG_ECONFLICT;
}

/* Check one row; TG_OK, TG_ECONFLICT (out filled) or an error. */
static int check_row(verifier *v, tg_audit_report *out, tg__stmt *s, tg_err *err)
{
	int64_t seq = tg__stmt_int64(s, 0);
	const char *entry = tg__stmt_text(s, 5), *prev = tg__stmt_text(s, 6), *hash = tg__stmt_text(s, 7);
	size_t len = tg__stmt_bytes(s, 5);
	char got[65], why[200];
	int f;
	if (seq != v->seq + 1) {
		snprintf(why, sizeof(why), "entry %lld is missing or out of order (next entry is %lld)",
			 (long long)(v->seq + 1), (long long)seq);
		return broken(out, v->seq + 1, why);
	}
	if ((f = frame_ok(v, s, entry, len)) < 0)
		return tg__oom(err);
	if (!f)
		return broken(out, seq, "entry text does not match its columns (edited or moved)");
	if (strcmp(prev, v->prev) != 0)
		return broken(out, seq, "prev_hash does not match the previous entry's hash");
	if (hash_entry(v, got, entry, len) < 0)
		return tg__fail(err, TG_EINTERNAL, "audit: sha256 failed");
	if (strcmp(got, hash) != 0)
		return broken(out, seq, "hash does not match SHA-256(prev_hash || entry): entry edited");
	memcpy(v->prev, got, 65);
	v->seq = seq;
	out->entries++;
	return TG_OK;
}

static int check_head(verifier *v, tg_audit_report *out, tg_store *st, tg_err *err)
{
	tg__stmt *s;
	int rc;
	char why[200];
	if ((rc = tg__store_prepare(&s, st, tg__audit_sql_q2, err)) < 0)
		return rc;
	rc = tg__stmt_step(s, err);
	if (rc == 1 && (tg__stmt_int64(s, 0) != v->seq || strcmp(tg__stmt_text(s, 1), v->prev) != 0)) {
		snprintf(why, sizeof(why),
			 "the log ends at entry %lld but the head records entry %lld: entries deleted",
			 (long long)v->seq, (long long)tg__stmt_int64(s, 0));
		rc = broken(out, v->seq + 1, why);
	} else if (rc == 0 && v->seq != 0) {
		rc = broken(out, v->seq, "the audit head is missing");
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

int tg__audit_verify(tg_audit_report *out, const tg__ctx *cx, tg_err *err)
{
	tg_store *st = cx->store;
	verifier v;
	tg__stmt *s = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&v, 0, sizeof(v));
	memset(v.prev, '0', 64);
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "audit verify needs a store");
	if ((v.md = EVP_MD_CTX_new()) == NULL || (v.alg = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL) {
		EVP_MD_CTX_free(v.md);
		return tg__oom(err);
	}
	if ((rc = tg__store_prepare(&s, st, tg__audit_sql_q3, err)) < 0)
		goto done;
	while ((rc = tg__stmt_step(s, err)) == 1)
		if ((rc = check_row(&v, out, s, err)) < 0)
			break;
	tg__stmt_reset(s);
	if (rc == 0)
		rc = check_head(&v, out, st, err);
	if (out->first_broken == 0)
		memcpy(out->head, v.seq ? v.prev : "", v.seq ? 65 : 1);
	if (rc == TG_ECONFLICT)
		tg__fail(err, TG_ECONFLICT, "audit chain broken at entry %lld: %s", (long long)out->first_broken,
			 out->reason);
done:
	EVP_MD_CTX_free(v.md);
	EVP_MD_free(v.alg);
	tg_buf_dispose(&v.want);
	return rc;
}

int tg__audit_export(tg_buf *out, const tg__ctx *cx, const char *from, const char *to, tg_err *err)
{
	tg_store *st = cx->store;
	tg__stmt *s;
	int rc;
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "audit export needs a store");
	if ((rc = tg__store_prepare(&s, st, tg__audit_sql_q4, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, from ? from : "0000-00-00", -1);
	tg__stmt_bind_text(s, 2, to ? to : "9999-99-99", -1);
	while ((rc = tg__stmt_step(s, err)) == 1) {
		if (tg__buf_printf(out, "{\"seq\":%lld,\"prev_hash\":\"%s\",\"hash\":\"%s\",\"entry\":%s}\n",
				   (long long)tg__stmt_int64(s, 0), tg__stmt_text(s, 1), tg__stmt_text(s, 2),
				   tg__stmt_text(s, 3)) < 0) {
			rc = tg__oom(err);
			break;
		}
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

int tg_audit_report_json(tg_buf *out, const tg_audit_report *r)
{
	int rc;
	if ((rc = tg__buf_printf(out, "{\"ok\":%s,\"entries\":%lld,\"first_broken\":%lld,\"reason\":",
				 r->first_broken ? "false" : "true", (long long)r->entries,
				 (long long)r->first_broken)) < 0 ||
	    (rc = tg__buf_put_json_str(out, r->reason)) < 0 || (rc = tg__buf_puts(out, ",\"head\":")) < 0 ||
	    (rc = tg__buf_put_json_str(out, r->head)) < 0)
		return rc;
	return tg__buf_puts(out, "}\n");
}
