/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_policy_load on a scratch directory holding country-groups.json and one rule file. The input is
 * "<country-groups.json>\n====\n<rule file>"; without the separator it is the rule file alone and the
 * shipped policy/country-groups.json is used. Accepted policies are listed and queried. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_support.h"
#include "tg/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SEP "\n====\n"

static uint8_t g_groups[65536];
static size_t g_ngroups;

static void load_groups(void)
{
	static int done;
	FILE *f;
	if (done)
		return;
	done = 1;
	if ((f = fopen(TG_SOURCE_DIR "/policy/country-groups.json", "rb")) == NULL)
		abort();
	g_ngroups = fread(g_groups, 1, sizeof(g_groups), f);
	fclose(f);
}

static const uint8_t *find_sep(const uint8_t *data, size_t size)
{
	size_t i, k = strlen(SEP);
	for (i = 0; i + k <= size; i++)
		if (memcmp(data + i, SEP, k) == 0)
			return data + i;
	return NULL;
}

static void use(const tg_policy *p)
{
	size_t i, n = tg_policy_rule_count(p);
	tg_buf b = TG_BUF_INIT;
	for (i = 0; i < n; i++) {
		tg_rule_info r;
		tg_policy_rule_info(&r, p, i);
		if (r.id == NULL)
			abort();
		(void)tg_policy_in_force(p, i, 20500);
	}
	(void)tg_policy_list_json(&b, p, 20500);
	tg_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512];
	const uint8_t *sep = find_sep(data, size);
	tg_policy *p = NULL;
	tg_err err = TG_ERR_INIT;
	int w;
	load_groups();
	if (sep != NULL)
		w = tg_fuzz_write(path, sizeof(path), "country-groups.json", data, (size_t)(sep - data)) |
		    tg_fuzz_write(path, sizeof(path), "10-rules.json", sep + strlen(SEP),
				  size - (size_t)(sep - data) - strlen(SEP));
	else
		w = tg_fuzz_write(path, sizeof(path), "country-groups.json", g_groups, g_ngroups) |
		    tg_fuzz_write(path, sizeof(path), "10-rules.json", data, size);
	if (w != 0)
		abort();
	if (tg_policy_load(&p, tg_fuzz_dir(), &err) == TG_OK)
		use(p);
	else if (p != NULL)
		abort();
	tg_policy_free(p);
	return 0;
}
