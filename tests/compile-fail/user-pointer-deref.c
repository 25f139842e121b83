// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a user-space pointer dereferenced directly.
 * Checker: sparse
 * Expect: dereference of noderef expression
 */
#include <linux/uaccess.h>

int cf_user_pointer_deref(const char __user *p, char *out);
int cf_user_pointer_deref(const char __user *p, char *out)
{
#if MISUSE
	*out = *p;
	return 0;
#else
	return get_user(*out, p);
#endif
}
