/* SPDX-License-Identifier: Apache-2.0 */
/* List loading core: read the file, detect its format, hash it, and write one snapshot with its
 * entries in one transaction (all or nothing), with the re-screen report of what changed (rescreen.c).
 * The parsers live in lists_<format>.c. */
#include "lists.h"

#include "tg/file.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "audit_chain.h"
#include "store.h"
#include "alloc.h"
#include "buf.h"

static const char *const format_names[] = {"auto", "csl-csv", "ofac-csv", "ofac-xml", "tg-json", "kaist-json",
					   "csl-json"};
static const char *const default_names[] = {"", "csl", "ofac-sdn", "ofac-xml", "in-house", "entity-list",
					    "csl"};

const char *tg_list_format_name(tg_list_format f)
{
	if ((unsigned)f >= sizeof(format_names) / sizeof(format_names[0]))
		return NULL;
	return format_names[f];
}

int tg_list_format_parse(tg_list_format *out, const char *name, tg_err *err)
{
	size_t i;
	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (tg_list_format)i;
			return TG_OK;
		}
	}
	return tg__fail_field(err, TG_EINVALID, "format",
			      "unknown list format '%s' (csl-csv, csl-json, ofac-csv, ofac-xml, tg-json, kaist-json)",
			      name);
}

void tg__lists_hash(tg__list_sink *k, const void *data, size_t n)
{
	if (k->hash_ctx)
		EVP_DigestUpdate((EVP_MD_CTX *)k->hash_ctx, data, n);
}

int tg__lists_problem(tg__list_sink *k, long line, const char *msg, tg_err *err)
{
	k->errors++;
	if (k->opts->problem && !k->opts->strict) /* strict: the failure itself reports it */
		k->opts->problem(k->file, line, msg, k->opts->payload);
	if (!k->opts->strict)
		return TG_OK;
	if (line > 0)
		tg__fail(err, TG_EINVALID, "%s:%ld: %s (strict: load rejected)", k->file, line, msg);
	else
		tg__fail(err, TG_EINVALID, "%s: %s (strict: load rejected)", k->file, msg);
	if (err)
		err->line = (int)line;
	return TG_EINVALID;
}

/* Skip a UTF-8 BOM and white space. */
static const char *skip_ws(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* Guess the format from the first bytes (and a few markers). */
static tg_list_format detect(const char *data, size_t n)
{
	const char *end = data + n, *p = skip_ws(data, end);
	size_t head = n < 4096 ? n : 4096;
	char first[4096];

	memcpy(first, data, head);
	first[head == sizeof(first) ? head - 1 : head] = '\0';
	if (tg__lists_is_zip(data, n))
		return tg__lists_zip_has_enhanced_xml(data, n) ? TG_LIST_FORMAT_OFAC_XML : TG_LIST_FORMAT_AUTO;
	if (p < end && *p == '<')
		return tg__lists_ofac_xml_detect(data, n) ? TG_LIST_FORMAT_OFAC_XML : TG_LIST_FORMAT_AUTO;
	if (p < end && *p == '[')
		return strstr(first, "\"korean\"") || strstr(first, "\"list_id\"") ? TG_LIST_FORMAT_KAIST_JSON
										     : TG_LIST_FORMAT_TG_JSON;
	if (p < end && *p == '{')
		return strstr(first, "\"results\"") ? TG_LIST_FORMAT_CSL_JSON : TG_LIST_FORMAT_TG_JSON;
	if (strncmp(p, "_id,source,", 11) == 0)
		return TG_LIST_FORMAT_CSL_CSV;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	if (p < end && p > data && *p == ',')
		return TG_LIST_FORMAT_OFAC_CSV;
	return TG_LIST_FORMAT_AUTO;
}

/* Run the parser of fmt over data. */
static int dispatch(tg__list_sink *k, tg_list_format fmt, const char *data, size_t n, tg_err *err)
{
	switch (fmt) {
	case TG_LIST_FORMAT_CSL_CSV: return tg__lists_parse_csl_csv(k, data, n, err);
	case TG_LIST_FORMAT_TG_JSON: return tg__lists_parse_tg_json(k, data, n, err);
	case TG_LIST_FORMAT_KAIST_JSON: return tg__lists_parse_kaist_json(k, data, n, err);
	case TG_LIST_FORMAT_OFAC_CSV: return tg__lists_parse_ofac_csv(k, data, n, err);
	case TG_LIST_FORMAT_CSL_JSON: return tg__lists_parse_csl_json(k, data, n, err);
	case TG_LIST_FORMAT_OFAC_XML: return tg__lists_parse_ofac_xml(k, data, n, err);
	default:
		return tg__fail_field(err, TG_EINVALID, "format", "%s: list format %s is not supported yet", k->file,
				      tg_list_format_name(fmt));
	}
}

static void now_utc(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Fill the snapshot record before the load (counts and hash come after). */
static void describe(tg_list_snapshot *s, const char *path, tg_list_format fmt, const tg_list_load_opts *o)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->source, sizeof(s->source), "%s", path);
	snprintf(s->format, sizeof(s->format), "%s", tg_list_format_name(fmt));
	snprintf(s->name, sizeof(s->name), "%s", o->name && *o->name ? o->name : default_names[fmt]);
	now_utc(s->loaded_at);
}

/* Who loads: opts->actor, else $TOLLGATE_ACTOR, else $USER, else "unknown". */
static const char *load_actor(const char *actor)
{
	const char *env = getenv("TOLLGATE_ACTOR");
	if (actor == NULL || *actor == '\0')
		actor = env && *env ? env : getenv("USER");
	return actor && *actor ? actor : "unknown";
}

/* The list load's audit entry, in the load's transaction. */
static int audit_load(tg_store *st, const tg_list_snapshot *s, const char *actor, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = tg__buf_printf(&b, "{\"entries\":%lld,\"errors\":%lld,\"format\":", (long long)s->entries,
				 (long long)s->errors)) < 0 ||
	    (rc = tg__buf_put_json_str(&b, s->format)) < 0 ||
	    (rc = tg__buf_printf(&b, ",\"hash\":\"%s\",\"rows\":%lld,\"snapshot\":%lld,\"source\":", s->hash,
				 (long long)s->rows, (long long)s->id)) < 0 ||
	    (rc = tg__buf_put_json_str(&b, s->source)) < 0 || (rc = tg__buf_putc(&b, '}')) < 0)
		rc = tg__fail(err, rc, "audit: cannot encode the list-load entry");
	else
		rc = tg__audit_append(st, actor, "list_load", s->name, b.ptr, err);
	tg_buf_dispose(&b);
	return rc;
}

static int load_data(tg_list_snapshot *out, tg_store *st, tg__list_sink *k, tg_list_format fmt,
		     const char *data, size_t n, const tg__lists_then *then, tg_err *err)
{
	unsigned char md[32];
	unsigned int len = 0;
	const char *actor;
	int rc, i;

	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	if ((rc = tg__lists_snapshot_insert(out, st, err)) < 0)
		goto fail;
	k->snapshot_id = out->id;
	if ((rc = dispatch(k, fmt, data, n, err)) < 0)
		goto fail;
	if (k->entries == 0) {
		rc = tg__fail(err, TG_EINVALID, "%s: no usable record", k->file);
		goto fail;
	}
	EVP_DigestFinal_ex((EVP_MD_CTX *)k->hash_ctx, md, &len);
	for (i = 0; i < 32; i++)
		snprintf(out->hash + 2 * i, 3, "%02x", md[i]);
	if (!(k->opts->name && *k->opts->name) && k->name[0])
		snprintf(out->name, sizeof(out->name), "%s", k->name);
	out->rows = k->rows, out->entries = k->entries, out->errors = k->errors;
	actor = load_actor(k->opts->actor);
	if ((rc = tg__lists_snapshot_finish(out, st, err)) < 0 || (rc = audit_load(st, out, actor, err)) < 0 ||
	    (then && (rc = then->fn(then->arg, st, out, actor, err)) < 0))
		goto fail;
	return tg__store_commit(st, err);
fail:
	tg__store_rollback(st);
	return rc;
}

int tg__lists_load(tg_list_snapshot *out, tg_store *st, const char *path, const tg_list_load_opts *opts,
		   const tg__lists_then *then, tg_err *err)
{
	static const tg_list_load_opts defaults = TG_LIST_LOAD_OPTS_INIT;
	tg__list_sink k;
	tg_list_format fmt;
	char *data = NULL;
	size_t n = 0;
	int rc;

	TG_ASSERT_ARG(out && st && path, err);
	opts = opts ? opts : &defaults;
	rc = tg__lists_is_url(path) ? tg__lists_fetch_url(&data, &n, path, err) : tg_file_read(&data, &n, path, TG__LISTS_MAX_FILE, err);
	if (rc < 0)
		return rc;
	fmt = opts->format != TG_LIST_FORMAT_AUTO ? opts->format : detect(data, n);
	if (fmt == TG_LIST_FORMAT_AUTO || tg_list_format_name(fmt) == NULL) {
		tg__free(data);
		return tg__fail_field(err, TG_EINVALID, "format", "%s: unknown list format (use --format)", path);
	}
	memset(&k, 0, sizeof(k));
	k.entry = tg__lists_entry_insert, k.file = path, k.path = path, k.opts = opts, k.payload = st;
	if ((k.hash_ctx = EVP_MD_CTX_new()) == NULL || !EVP_DigestInit_ex(k.hash_ctx, EVP_sha256(), NULL)) {
		rc = tg__oom(err);
		goto done;
	}
	tg__lists_hash(&k, data, n);
	describe(out, path, fmt, opts);
	rc = load_data(out, st, &k, fmt, data, n, then, err);
	if (rc == TG_OK)
		tg_err_clear(err);
done:
	EVP_MD_CTX_free(k.hash_ctx);
	tg__free(data);
	return rc;
}
