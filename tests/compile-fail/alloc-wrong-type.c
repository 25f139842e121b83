// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an allocation assigned to a pointer of another type (the size
 * would be that of the wrong type).
 * Checker: gcc
 * Expect: incompatible pointer type|incompatible-pointer-types
 */
#include <linux/safe/alloc.h>

u32 *cf_alloc_wrong_type(void);
u32 *cf_alloc_wrong_type(void)
{
#if MISUSE
	u32 *p = safe_new(u64, GFP_KERNEL);
#else
	u32 *p = safe_new(u32, GFP_KERNEL);
#endif
	return p;
}
