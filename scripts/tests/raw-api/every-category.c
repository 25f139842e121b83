// SPDX-License-Identifier: GPL-2.0
/* Fixture: one raw operation of each category; raw-api.py must find all. */
static long fixture(struct file *file, void __user *ubuf, struct sk_buff *skb)
{
	struct my *my = container_of(file, struct my, file);
	struct my_priv *p = netdev_priv(dev);
	char *c = (char *)ubuf;
	void *mem = kzalloc(16, GFP_KERNEL);

	if (copy_to_user(ubuf, mem, 16))
		goto out;
	spin_lock(&my->lock);
	misc_register(&my->misc);
out:
	kfree(mem);
	return 0;
}
/* Not raw: "copy_to_user" in a string, kfree() in a comment, sizeof(int) * 2. */
static const char *s = "copy_to_user(kfree(x))";
static int n = sizeof(int) * 2;
