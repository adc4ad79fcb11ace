/* SPDX-License-Identifier: Apache-2.0 */
/* Private header of the token module. */
#ifndef TG_TOKEN_TOKEN_H
#define TG_TOKEN_TOKEN_H

/* Schema steps (token_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__token_schema_1[];

/* SQL statements (token_store.c). */
extern const char tg__token_sql_ins[];
extern const char tg__token_sql_next[];
extern const char tg__token_sql_list[];
extern const char tg__token_sql_revoke[];
extern const char tg__token_sql_get[];
extern const char tg__token_sql_exists[];

#endif
