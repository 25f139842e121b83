// SPDX-License-Identifier: GPL-2.0
/* Fixture: an occurrence of each category; raw-api.py must find all. */
static long fixture(struct file *file, void __user *ubuf, struct sk_buff *skb)
{
	struct my *my = container_of(file, struct my, file);
	struct my_priv *p = netdev_priv(dev);
	char *c = (char *)ubuf;
	void *mem = kzalloc(16, GFP_KERNEL);

	if (copy_to_user(ubuf, mem, 16))
		goto out;
	spin_lock(&my->lock);
	guard(mutex)(&my->mutex);
	scoped_safe_lock(&my->data, d)
		d->n++;
	misc_register(&my->misc);
out:
	kfree(mem);
	return 0;
}
/*
 * Not raw: "copy_to_user" in a string, kfree() in a comment, sizeof(int) * 2,
 * a value discarded with (void), a macro's own name where it is defined.
 */
static const char *s = "copy_to_user(kfree(x))";
#define scoped_safe_lock(l, name) my_scope(l, name)
static int n = sizeof(int) * 2;
static void discard(int x) { (void)x; (void)0; }

/*
 * Escape hatches, eight of them: four the layer counts too, then two names
 * of its internals and two values made by hand that only drivers are
 * charged for (--layer skips those).
 */
static void hatches(struct safe_span sp, u32 n)
{
	struct safe_span raw = safe_span_from_raw(&n, sizeof(n));
	union { u32 w; u8 b[4]; } pun;
	__le32 v = (__force __le32)n;
	struct safe_dma_addr64 forged = { .v = 0 };

	ACCESS_PRIVATE(&sp, len) = 0;
	pun.w = __safe_alloc(4, GFP_KERNEL) != NULL;
	sp = (struct safe_span){ };
}
static const struct safe_chardev_type hand_made = { };
/* Not made by hand: the tables a driver fills in. */
static struct safe_netdev_driver drv = { };
static const struct safe_my_netdev_ops ops = { };
/* Not hatches: union, __force and ACCESS_PRIVATE(x) in a comment, */
static const char *t = "__safe_alloc(union __force ACCESS_PRIVATE(x))";
/* and names that only look like them: */
static int my__safe_x, safe_unionize, safe_span_from_raw_len;
