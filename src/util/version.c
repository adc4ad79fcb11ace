/* SPDX-License-Identifier: Apache-2.0 */
#include "tg/version.h"

int tg_version_num(void)
{
	return TG_VERSION_NUM;
}
