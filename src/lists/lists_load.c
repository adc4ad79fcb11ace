/* SPDX-License-Identifier: Apache-2.0 */
/* Loading a list file: read it and detect its format (tg__lists_open), then, inside the caller's write
 * transaction, hash it and write one snapshot with its entries and its audit entry (tg__lists_write).
 * The engine's tg_lists_load (engine/engine_lists.c) holds that transaction and re-screens in it. */
#include "lists.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg/file.h"
#include "audit_chain.h"
#include "clock.h"
#include "store.h"
#include "alloc.h"
#include "buf.h"

#define MAX_FILE ((size_t)1 << 30) /* 1 GiB, as lists_url.c */

static const char *const default_names[] = {"", "csl", "ofac-sdn", "ofac-xml", "in-house", "entity-list", "csl"};

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

/* Fill the snapshot record before the load (counts and hash come after). */
static void describe(tg_list_snapshot *s, const char *path, tg_list_format fmt, const tg_list_load_opts *o)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->source, sizeof(s->source), "%s", path);
	snprintf(s->format, sizeof(s->format), "%s", tg_list_format_name(fmt));
	snprintf(s->name, sizeof(s->name), "%s", o->name && *o->name ? o->name : default_names[fmt]);
	tg__utc_now(s->loaded_at);
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

/* The file's bytes: a URL through lists_url.c, else the file. "-" is a file of that name, not standard
 * input (a server path must never read the server's stdin): read as "./-", reported as "-". */
static int read_input(char **out, size_t *n, const char *path, tg_err *err)
{
	int dash = strcmp(path, "-") == 0, rc;
	char *p;
	if (tg__lists_is_url(path))
		return tg__lists_fetch_url(out, n, path, err);
	rc = tg_file_read(out, n, dash ? "./-" : path, MAX_FILE, err);
	if (rc == TG_ELIMIT)
		return tg__fail(err, rc, "%s: larger than 1 GiB", path);
	if (rc < 0 && dash && err && (p = strstr(err->msg, "./-")) != NULL)
		memmove(p, p + 2, strlen(p + 2) + 1);
	return rc;
}

int tg__lists_open(tg__list_file *f, const char *path, const tg_list_load_opts *opts, tg_err *err)
{
	static const tg_list_load_opts defaults = TG_LIST_LOAD_OPTS_INIT;
	int rc;

	memset(f, 0, sizeof(*f));
	f->path = path;
	f->opts = opts ? opts : &defaults;
	f->actor = load_actor(f->opts->actor);
	if ((rc = read_input(&f->data, &f->n, path, err)) < 0)
		return rc;
	f->fmt = f->opts->format != TG_LIST_FORMAT_AUTO ? f->opts->format : detect(f->data, f->n);
	if (f->fmt == TG_LIST_FORMAT_AUTO || tg_list_format_name(f->fmt) == NULL) {
		tg__lists_close(f);
		return tg__fail_field(err, TG_EINVALID, "format", "%s: unknown list format (use --format)", path);
	}
	return TG_OK;
}

void tg__lists_close(tg__list_file *f)
{
	tg__free(f->data);
	f->data = NULL;
}

/* Parse into the snapshot's rows and finish it: counts, content hash, name, audit entry. */
static int write_entries(tg_list_snapshot *out, tg_store *st, tg__list_sink *k, const tg__list_file *f, tg_err *err)
{
	unsigned char md[32];
	unsigned int len = 0;
	int rc, i;

	if ((rc = tg__lists_snapshot_insert(out, st, err)) < 0)
		return rc;
	k->snapshot_id = out->id;
	if ((rc = dispatch(k, f->fmt, f->data, f->n, err)) < 0)
		return rc;
	if (k->entries == 0)
		return tg__fail(err, TG_EINVALID, "%s: no usable record", k->file);
	EVP_DigestFinal_ex((EVP_MD_CTX *)k->hash_ctx, md, &len);
	for (i = 0; i < 32; i++)
		snprintf(out->hash + 2 * i, 3, "%02x", md[i]);
	if (!(f->opts->name && *f->opts->name) && k->name[0])
		snprintf(out->name, sizeof(out->name), "%s", k->name);
	out->rows = k->rows, out->entries = k->entries, out->errors = k->errors;
	if ((rc = tg__lists_snapshot_finish(out, st, err)) < 0)
		return rc;
	return audit_load(st, out, f->actor, err);
}

int tg__lists_write(tg_list_snapshot *out, tg_store *st, const tg__list_file *f, tg_err *err)
{
	tg__list_sink k;
	int rc;

	memset(&k, 0, sizeof(k));
	k.entry = tg__lists_entry_insert, k.file = f->path, k.path = f->path, k.opts = f->opts, k.payload = st;
	if ((k.hash_ctx = EVP_MD_CTX_new()) == NULL || !EVP_DigestInit_ex(k.hash_ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(k.hash_ctx);
		return tg__oom(err);
	}
	tg__lists_hash(&k, f->data, f->n);
	describe(out, f->path, f->fmt, f->opts);
	rc = write_entries(out, st, &k, f, err);
	EVP_MD_CTX_free(k.hash_ctx);
	return rc;
}
