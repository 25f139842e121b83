// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an interruptible wait for a spinlock, which cannot wait that
 * way. Only a SAFE_MUTEX() has scoped_safe_lock_interruptible().
 * Checker: gcc
 * Expect: not compatible with any association
 */
#include <linux/errno.h>
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_MUTEX(m, int);
	SAFE_SPINLOCK(s, int);
};

int cf_lock_interruptible(struct cf_dev *d);
int cf_lock_interruptible(struct cf_dev *d)
{
#if MISUSE
	scoped_safe_lock_interruptible(&d->s, c, return -EINTR)
		(*c)++;
#else
	scoped_safe_lock_interruptible(&d->m, c, return -EINTR)
		(*c)++;
#endif
	return 0;
}
