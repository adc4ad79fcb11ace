/* SPDX-License-Identifier: Apache-2.0 */
/* The accelerator catalogue: loading catalog/accelerators.json strictly, lookup by id. */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "tg/file.h"
#include "alloc.h"
#include "err.h"
#include "json.h"
#include "map.h"

struct tg_catalog {
	tg_item *items; /* owned, n entries, never reallocated after indexing (the map borrows ids) */
	size_t n;
	tg_map index; /* id -> tg_item * */
};

static const char *const top_keys[] = {"format", "as_of", "description", "items", NULL};

/* A system must contain a known IC (not another system). */
static int check_systems(const tg_catalog *cat, tg_err *err)
{
	size_t i;
	for (i = 0; i < cat->n; i++) {
		const tg_item *it = &cat->items[i], *ic;
		char entry[64], path[64];
		if (!it->contains[0])
			continue;
		tg__json_path_idx(entry, "", "items", i);
		tg__json_path(path, entry, "contains");
		ic = tg_catalog_find(cat, it->contains);
		if (ic == NULL)
			return tg__fail_field(err, TG_EINVALID, path, "%s: unknown IC '%s'", path, it->contains);
		if (ic->contains[0])
			return tg__fail_field(err, TG_EINVALID, path, "%s: '%s' is a system, not an IC", path,
					      it->contains);
	}
	return TG_OK;
}

static int check_header(const json_t *root, tg_err *err)
{
	const char *format = NULL;
	tg_date as_of;
	int rc;
	if (!json_is_object(root))
		return tg__fail(err, TG_EINVALID, "catalogue: expected a JSON object");
	if ((rc = tg__json_only_keys(root, "", top_keys, err)) < 0 ||
	    (rc = tg__json_get_str(&format, root, "", "format", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&as_of, root, "", "as_of", 0, err)) < 0)
		return rc;
	if (strcmp(format, "tollgate-catalog/1") != 0)
		return tg__fail_field(err, TG_EINVALID, "format", "format: expected \"tollgate-catalog/1\"");
	if (!json_is_array(json_object_get(root, "items")))
		return tg__fail_field(err, TG_EINVALID, "items", "items: expected an array");
	if (json_array_size(json_object_get(root, "items")) > TG__CATALOG_MAX_ITEMS)
		return tg__fail_field(err, TG_ELIMIT, "items", "items: more than %u entries", TG__CATALOG_MAX_ITEMS);
	return TG_OK;
}

static int fill(tg_catalog *cat, const json_t *items, tg_err *err)
{
	size_t i;
	int rc;
	for (i = 0; i < json_array_size(items); i++) {
		tg_item *it = &cat->items[i];
		char entry[64], path[64];
		tg__json_path_idx(entry, "", "items", i);
		if ((rc = tg__item_from_json_strict(it, json_array_get(items, i), entry, err)) < 0)
			return rc;
		if (tg__map_get(&cat->index, it->id, strlen(it->id)) != NULL) {
			tg__json_path(path, entry, "id");
			return tg__fail_field(err, TG_EINVALID, path, "%s: duplicate id '%s'", path, it->id);
		}
		if ((rc = tg__map_put(&cat->index, it->id, strlen(it->id), it, NULL)) < 0)
			return tg__oom(err);
		cat->n++;
	}
	return TG_OK;
}

int tg_catalog_load(tg_catalog **out, const char *path, tg_err *err)
{
	char *text = NULL;
	size_t len = 0;
	json_t *root = NULL, *items;
	tg_catalog *cat = NULL;
	int rc;
	TG_ASSERT_ARG(out != NULL && path != NULL, err);
	*out = NULL;
	if ((rc = tg_file_read(&text, &len, path, TG__CATALOG_MAX_BYTES, err)) < 0 ||
	    (rc = tg__json_parse(&root, text, len, err)) < 0 || (rc = check_header(root, err)) < 0)
		goto done;
	items = json_object_get(root, "items");
	if ((cat = tg__calloc(1, sizeof(*cat))) == NULL ||
	    (cat->items = tg__calloc(json_array_size(items), sizeof(tg_item))) == NULL) {
		rc = tg__oom(err);
		goto done;
	}
	if ((rc = fill(cat, items, err)) < 0 || (rc = check_systems(cat, err)) < 0)
		goto done;
	*out = cat;
	cat = NULL;
done:
	tg_catalog_free(cat);
	json_decref(root);
	tg__free(text);
	return rc;
}

void tg_catalog_free(tg_catalog *cat)
{
	if (cat == NULL)
		return;
	tg__map_dispose(&cat->index);
	tg__free(cat->items);
	tg__free(cat);
}

const tg_item *tg_catalog_find(const tg_catalog *cat, const char *id)
{
	if (cat == NULL || id == NULL)
		return NULL;
	return tg__map_get(&cat->index, id, strlen(id));
}

size_t tg_catalog_count(const tg_catalog *cat)
{
	return cat ? cat->n : 0;
}

const tg_item *tg_catalog_at(const tg_catalog *cat, size_t i)
{
	return cat && i < cat->n ? &cat->items[i] : NULL;
}
