/* SPDX-License-Identifier: Apache-2.0 */
/* Restricted-party list routes: snapshots (as `tollgate lists --json`), load from a server path or
 * from an uploaded file (as `tollgate lists load --json`, with the load's re-screen counts). A load
 * rebuilds the screener before the response, so a 2xx means later screens see the new snapshot. */
#include "server_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tg/lists.h"
#include "tg/rescreen.h"

/* The snapshot's members without the closing brace. */
static int encode_snap_fields(tg_buf *b, const tg_list_snapshot *s)
{
	tg_buf_printf(b, "{\"id\":%lld,\"name\":", (long long)s->id);
	tg_buf_put_json_str(b, s->name);
	tg_buf_puts(b, ",\"source\":");
	tg_buf_put_json_str(b, s->source);
	return tg_buf_printf(b,
			     ",\"format\":\"%s\",\"sha256\":\"%s\",\"loaded_at\":\"%s\",\"rows\":%lld,\"entries\":%lld,"
			     "\"errors\":%lld",
			     s->format, s->hash, s->loaded_at, (long long)s->rows, (long long)s->entries,
			     (long long)s->errors);
}

static int encode_snap(tg_buf *b, const tg_list_snapshot *s)
{
	int rc = encode_snap_fields(b, s);
	return rc < 0 ? rc : tg_buf_puts(b, "}");
}

int h_lists_snapshots(hctx *c, tg_err *err)
{
	tg_list_snapshot *v = NULL;
	size_t n = 0, i;
	int rc;
	pthread_mutex_lock(&c->srv->store_mu);
	rc = tg_lists_snapshots(&v, &n, tg_engine_store(c->srv->engine), err);
	pthread_mutex_unlock(&c->srv->store_mu);
	if (rc < 0)
		return rc;
	tg_buf_puts(&c->resp->body, "{\"snapshots\":[");
	for (i = 0; i < n; i++) {
		if (i)
			tg_buf_puts(&c->resp->body, ",");
		encode_snap(&c->resp->body, &v[i]);
	}
	rc = tg_buf_puts(&c->resp->body, "]}\n");
	tg_lists_free(v);
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot encode the snapshots") : TG_OK;
}

/* Load, then rebuild the screener; store first, screener second (the lock order everywhere). */
static int load(hctx *c, const char *path, const tg_list_load_opts *o, tg_err *err)
{
	tg_buf sum = TG_BUF_INIT;
	tg_rescreen_summary r;
	tg_list_snapshot s;
	int rc;
	pthread_mutex_lock(&c->srv->store_mu);
	rc = tg_lists_load(&s, tg_engine_store(c->srv->engine), path, o, err);
	if (rc == TG_OK && (rc = tg_rescreen_summary_get(&r, tg_engine_store(c->srv->engine), s.id, err)) == TG_OK)
		rc = tg_rescreen_summary_json(&sum, &r, err);
	if (rc == TG_OK) {
		pthread_rwlock_wrlock(&c->srv->scr_lock);
		rc = tg_engine_reload_screener(c->srv->engine, err);
		pthread_rwlock_unlock(&c->srv->scr_lock);
	}
	pthread_mutex_unlock(&c->srv->store_mu);
	if (rc < 0) {
		tg_buf_dispose(&sum);
		return rc;
	}
	c->resp->status = 201;
	if ((rc = encode_snap_fields(&c->resp->body, &s)) == TG_OK)
		rc = tg_buf_printf(&c->resp->body, ",\"rescreen\":%s}\n", sum.ptr);
	tg_buf_dispose(&sum);
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot encode the snapshot") : TG_OK;
}

static int opt_str(json_t *j, const char *key, const char **out, tg_err *err)
{
	json_t *v = json_object_get(j, key);
	*out = NULL;
	if (v == NULL || json_is_null(v))
		return TG_OK;
	if (!json_is_string(v) || json_string_length(v) == 0)
		return srv_fail(err, TG_EINVALID, key, "%s: expected a non-empty string", key);
	*out = json_string_value(v);
	return TG_OK;
}

int h_lists_load(hctx *c, tg_err *err)
{
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	void *jv = NULL;
	const char *path, *fmt;
	json_t *strict;
	int rc;
	if ((rc = body_object(&jv, c, err)) < 0)
		return rc;
	if ((rc = opt_str(jv, "path", &path, err)) == TG_OK && path == NULL)
		rc = srv_fail(err, TG_EINVALID, "path", "path: required (a file readable by the server)");
	if (rc == TG_OK && access(path, R_OK) != 0)
		rc = srv_fail(err, TG_EINVALID, "path", "path: cannot read %.200s on the server", path);
	if (rc == TG_OK && (rc = opt_str(jv, "format", &fmt, err)) == TG_OK && fmt)
		rc = tg_list_format_parse(&o.format, fmt, err);
	if (rc == TG_OK)
		rc = opt_str(jv, "name", &o.name, err);
	strict = json_object_get(jv, "strict");
	if (rc == TG_OK && strict && !json_is_boolean(strict))
		rc = srv_fail(err, TG_EINVALID, "strict", "strict: expected true or false");
	o.strict = json_is_true(strict);
	if (rc == TG_OK)
		rc = load(c, path, &o, err);
	json_decref(jv);
	return rc;
}

/* Keep [A-Za-z0-9._-] of the client's file name (no path, no leading dot), else "upload". */
static void safe_name(char *out, size_t n, const char *name)
{
	size_t o = 0;
	for (; name && *name && o + 1 < n; name++)
		if ((*name >= 'a' && *name <= 'z') || (*name >= 'A' && *name <= 'Z') ||
		    (*name >= '0' && *name <= '9') || *name == '-' || *name == '_' || (*name == '.' && o > 0))
			out[o++] = *name;
	out[o] = '\0';
	if (o == 0)
		snprintf(out, n, "upload");
}

/* Write the upload to dir/<file name> in a private temporary directory (the name is what the
 * snapshot records as its source, and what format detection sees). */
static int spool(char *dir, size_t dn, char *path, size_t pn, const char *fname, const hctx *c, tg_err *err)
{
	const char *tmp = getenv("TMPDIR");
	char name[80];
	FILE *f;
	snprintf(dir, dn, "%s/tollgate-upload-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return srv_fail(err, TG_EIO, NULL, "cannot spool the upload");
	safe_name(name, sizeof(name), fname);
	snprintf(path, pn, "%s/%s", dir, name);
	if ((f = fopen(path, "wbx")) == NULL) {
		rmdir(dir);
		return srv_fail(err, TG_EIO, NULL, "cannot spool the upload");
	}
	if (fwrite(c->req->body, 1, c->req->body_len, f) != c->req->body_len || fclose(f) != 0) {
		unlink(path);
		rmdir(dir);
		return srv_fail(err, TG_EIO, NULL, "cannot spool the upload");
	}
	return TG_OK;
}

int h_lists_upload(hctx *c, tg_err *err)
{
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	char fmt[32], name[64], strict[8], fname[128], dir[512], path[700];
	int q, rc;
	if (c->req->body_len == 0)
		return srv_fail(err, TG_EINVALID, "body", "body: expected the list file");
	if ((q = query_get(c->req->query, "format", fmt, sizeof(fmt))) != 0 &&
	    (q < 0 || tg_list_format_parse(&o.format, fmt, err) < 0))
		return srv_fail(err, TG_EINVALID, "format", "format: unknown list format");
	if ((q = query_get(c->req->query, "name", name, sizeof(name))) < 0 || (q == 1 && name[0] == '\0'))
		return srv_fail(err, TG_EINVALID, "name", "name: expected 1 to 63 bytes");
	o.name = q == 1 ? name : NULL;
	if ((q = query_get(c->req->query, "strict", strict, sizeof(strict))) != 0) {
		if (q < 0 || (strcmp(strict, "true") != 0 && strcmp(strict, "false") != 0))
			return srv_fail(err, TG_EINVALID, "strict", "strict: expected true or false");
		o.strict = strcmp(strict, "true") == 0;
	}
	if ((q = query_get(c->req->query, "filename", fname, sizeof(fname))) < 0)
		return srv_fail(err, TG_EINVALID, "filename", "filename: too long");
	if ((rc = spool(dir, sizeof(dir), path, sizeof(path), q == 1 ? fname : NULL, c, err)) < 0)
		return rc;
	rc = load(c, path, &o, err);
	unlink(path);
	rmdir(dir);
	return rc;
}
