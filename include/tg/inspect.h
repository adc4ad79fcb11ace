/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/inspect.h @brief placeholder */
#ifndef TG_INSPECT_H
#define TG_INSPECT_H
#endif
