/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Per-list screening thresholds as data: policy/screening/thresholds.json under $TOLLGATE_DATA_DIR, else the
 * compiled-in data directory. Absent file: every list reviews at 0.85 and blocks at 0.95.
 *   {"format": "tollgate-screening", "version": 1,
 *    "default": {"review": 0.85, "block": 0.95},
 *    "lists": {"UVL": {"review": 0.9, "block": 0.97}}}
 * A malformed file fails tg_screener_open() naming the file and the field. tg_screen_thresholds() lists
 * what is in force (tollgate lists thresholds).
 */
#include "screen_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg/file.h"
#include "alloc.h"
#include "json.h"

#ifndef TG_DATA_DIR
#define TG_DATA_DIR "."
#endif

/* Fail with the message of e prefixed by the file's path. */
static int fail_in(tg_err *err, const char *path, const tg_err *e)
{
	if (e->code == TG_ENOMEM)
		return tg__oom(err);
	return tg__fail(err, TG_EINVALID, "%s: %s", path, e->msg);
}

static int read_pair(float *review, float *block, const json_t *obj, const char *prefix, const char *path, tg_err *err)
{
	static const char *const keys[] = {"review", "block", NULL};
	double r = *review, b = *block;
	tg_err e = TG_ERR_INIT;
	if (!json_is_object(obj))
		return tg__fail(err, TG_EINVALID, "%s: %s: expected an object", path, prefix);
	if (tg__json_only_keys(obj, prefix, keys, &e) < 0 || tg__json_get_num(&r, obj, prefix, "review", 0, &e) < 0 ||
	    tg__json_get_num(&b, obj, prefix, "block", 0, &e) < 0)
		return fail_in(err, path, &e);
	if (!(r > 0 && r <= b && b <= 1))
		return tg__fail(err, TG_EINVALID, "%s: %s: need 0 < review <= block <= 1", path, prefix);
	*review = (float)r, *block = (float)b;
	return TG_OK;
}

/* The file's frame: its format, keys, default pair (into *review, *block, else the built-in ones) and
 * its "lists" object (*lists, or NULL when absent). */
static int read_frame(float *review, float *block, const json_t **lists, const json_t *root, const char *path,
		      tg_err *err)
{
	static const char *const keys[] = {"format", "version", "default", "lists", NULL};
	const json_t *def = json_object_get(root, "default");
	const char *fmt = NULL;
	tg_err e = TG_ERR_INIT;

	*review = TG_SC_DEFAULT_REVIEW;
	*block = TG_SC_DEFAULT_BLOCK;
	*lists = json_object_get(root, "lists");
	if (!json_is_object(root) || tg__json_get_str(&fmt, root, "", "format", 1, &e) < 0 ||
	    strcmp(fmt, "tollgate-screening") != 0)
		return tg__fail(err, TG_EINVALID, "%s: not a tollgate-screening file (\"format\")", path);
	if (tg__json_only_keys(root, "", keys, &e) < 0)
		return fail_in(err, path, &e);
	if (def && read_pair(review, block, def, "default", path, err) < 0)
		return TG_EINVALID;
	if (*lists && !json_is_object(*lists))
		return tg__fail(err, TG_EINVALID, "%s: lists: expected an object", path);
	return TG_OK;
}

/* Apply the file's thresholds to every entry of s. */
static int apply(tg_screener *s, const json_t *root, const char *path, tg_err *err)
{
	const json_t *lists;
	float review, block;
	size_t i;
	int rc;

	if ((rc = read_frame(&review, &block, &lists, root, path, err)) < 0)
		return rc;
	for (i = 0; i < s->n_entries; i++) {
		sc_entry *en = &s->entries[i];
		const json_t *l = lists ? json_object_get(lists, en->list) : NULL;
		en->review = review, en->block = block;
		if (l && read_pair(&en->review, &en->block, l, en->list, path, err) < 0)
			return TG_EINVALID;
	}
	return TG_OK;
}

/* Parse the thresholds file into *root (NULL when there is none) and its path into path. */
static int read_file(json_t **root, char path[1024], tg_err *err)
{
	const char *dir = getenv("TOLLGATE_DATA_DIR");
	char *text = NULL;
	size_t n = 0;
	tg_err e = TG_ERR_INIT;
	int rc;

	*root = NULL;
	snprintf(path, 1024, "%s/policy/screening/thresholds.json", dir && *dir ? dir : TG_DATA_DIR);
	if ((rc = tg_file_read(&text, &n, path, (size_t)1 << 30, &e)) == TG_ENOMEM)
		return tg__oom(err);
	if (rc < 0)
		return TG_OK; /* no file: the defaults */
	rc = tg__json_parse(root, text, n, &e);
	tg__free(text);
	return rc < 0 ? fail_in(err, path, &e) : TG_OK;
}

int tg__sc_thresholds_load(tg_screener *s, tg_err *err)
{
	char path[1024];
	json_t *root = NULL;
	int rc;

	if ((rc = read_file(&root, path, err)) < 0 || root == NULL)
		return rc;
	rc = apply(s, root, path, err);
	json_decref(root);
	return rc;
}

static int cmp_list(const void *a, const void *b)
{
	return strcmp(((const tg_screen_threshold *)a)->list, ((const tg_screen_threshold *)b)->list);
}

/* The default and every list of the file into v (room for 1 + the file's lists). */
static int list_all(tg_screen_threshold *v, size_t *n, const json_t *root, const char *path, tg_err *err)
{
	const json_t *lists, *l;
	float review, block;
	const char *code;
	int rc;

	if ((rc = read_frame(&review, &block, &lists, root, path, err)) < 0)
		return rc;
	v[0].review = review, v[0].block = block;
	*n = 1;
	json_object_foreach ((json_t *)lists, code, l) {
		tg_screen_threshold *t = &v[(*n)++];
		float r = review, b = block;
		if (strlen(code) >= sizeof(t->list))
			return tg__fail(err, TG_EINVALID, "%s: lists: list code '%.40s' longer than 15 bytes", path,
					code);
		if (read_pair(&r, &b, l, code, path, err) < 0)
			return TG_EINVALID;
		snprintf(t->list, sizeof(t->list), "%s", code);
		t->review = r, t->block = b;
	}
	qsort(v + 1, *n - 1, sizeof(*v), cmp_list);
	return TG_OK;
}

int tg_screen_thresholds(tg_screen_threshold **out, size_t *n, char source[1024], tg_err *err)
{
	json_t *root = NULL;
	tg_screen_threshold *v;
	int rc;

	TG_ASSERT_ARG(out && n && source, err);
	if ((rc = read_file(&root, source, err)) < 0)
		return rc;
	if (root == NULL)
		source[0] = '\0';
	if ((v = tg__calloc(1 + json_object_size(json_object_get(root, "lists")), sizeof(*v))) == NULL) {
		json_decref(root);
		return tg__oom(err);
	}
	v[0].review = TG_SC_DEFAULT_REVIEW, v[0].block = TG_SC_DEFAULT_BLOCK, *n = 1;
	if (root && (rc = list_all(v, n, root, source, err)) < 0) {
		tg__free(v);
		v = NULL;
	}
	json_decref(root);
	*out = v;
	return rc;
}

void tg_screen_thresholds_free(tg_screen_threshold *v)
{
	tg__free(v);
}
