// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: the guard's pointer to the data is used after the lock's block,
 * that is after the unlock.
 * Checker: gcc
 * Expect: .c. undeclared
 */
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_MUTEX(count, int);
};

int cf_lock_pointer_after_scope(struct cf_dev *d);
int cf_lock_pointer_after_scope(struct cf_dev *d)
{
	int v = 0;

	scoped_safe_lock(&d->count, c)
		v = *c;
#if MISUSE
	return *c;
#else
	return v;
#endif
}
