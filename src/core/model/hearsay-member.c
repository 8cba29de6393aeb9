/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-member.c: server project members and their roles. */
#include "config.h"

#include "hearsay-member.h"

static const char * const role_names[] = { NULL, "coder", "curator", "owner" };

void
hearsay_member_free (HearsayMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member);
}

const char *
hearsay_member_role_to_string (HearsayMemberRole role)
{
  if ((guint) role >= G_N_ELEMENTS (role_names))
    return NULL;
  return role_names[role];
}

gboolean
hearsay_member_role_from_string (const char        *text,
                                 HearsayMemberRole *role)
{
  for (guint i = 1; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = (HearsayMemberRole) i;
        return TRUE;
      }
  return FALSE;
}
