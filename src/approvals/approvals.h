/* SPDX-License-Identifier: Apache-2.0 */
/* Private header of the approvals module. */
#ifndef TG_APPROVALS_APPROVALS_H
#define TG_APPROVALS_APPROVALS_H

/* Schema steps (approvals_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__approvals_schema_1[];

#endif
