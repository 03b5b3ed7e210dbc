"""The Vereinsnetz CMS: a Wagtail project holding one page tree per club."""
