// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a read operation written for another driver's device state. A
 * file_operations read would take it (everything is a struct file); the
 * typed table does not.
 * Checker: gcc
 * Expect: incompatible pointer type|incompatible-pointer-types
 */
#include <linux/module.h>
#include <linux/safe/chardev.h>

struct cf_dev {
	int counter;
};

struct cf_other_dev {
	long unrelated;
};

struct cf_file {
	int pos;
};

DECLARE_SAFE_CHARDEV(cf, struct cf_dev, struct cf_file);

#if MISUSE
static int cf_read(const struct cf_other_dev *dev, const struct cf_file *file,
		   struct safe_user_writer *to)
#else
static int cf_read(const struct cf_dev *dev, const struct cf_file *file,
		   struct safe_user_writer *to)
#endif
{
	return 0;
}

static const struct cf_chardev_ops cf_ops = { .read = cf_read };

struct safe_chardev_driver cf_driver = {
	.name = "cf",
	SAFE_CHARDEV_OPS(cf, &cf_ops),
};
