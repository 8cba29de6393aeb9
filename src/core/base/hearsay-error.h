/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-error.h: error domains of the core library, one per module. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARSAY_STORE_ERROR (hearsay_store_error_quark ())
#define HEARSAY_IMPORT_ERROR (hearsay_import_error_quark ())
#define HEARSAY_EXPORT_ERROR (hearsay_export_error_quark ())
#define HEARSAY_PROJECT_ERROR (hearsay_project_error_quark ())
#define HEARSAY_SCHEME_ERROR (hearsay_scheme_error_quark ())

typedef enum {
  HEARSAY_STORE_ERROR_NOT_FOUND,
  HEARSAY_STORE_ERROR_NOT_A_PROJECT,
  HEARSAY_STORE_ERROR_FOREIGN_APPLICATION,
  HEARSAY_STORE_ERROR_NEWER_VERSION,
  HEARSAY_STORE_ERROR_READ_ONLY,
  HEARSAY_STORE_ERROR_BUSY,
  HEARSAY_STORE_ERROR_FAILED,
  HEARSAY_STORE_ERROR_NO_SPACE,
  HEARSAY_STORE_ERROR_EXISTS,      /* a name or role another row holds */
  /* A server project: */
  HEARSAY_STORE_ERROR_OFFLINE,      /* the server cannot be reached, or the connection dropped */
  HEARSAY_STORE_ERROR_AUTH,         /* the server refused the login or the password */
  HEARSAY_STORE_ERROR_DENIED,       /* the member's role does not allow it */
  HEARSAY_STORE_ERROR_CONFLICT,     /* another client changed it since this one read it */
  HEARSAY_STORE_ERROR_NOT_SERVER,   /* a server call on a project file */
  HEARSAY_STORE_ERROR_UNSUPPORTED,  /* this build has no PostgreSQL support */
} HearsayStoreError;

typedef enum {
  HEARSAY_IMPORT_ERROR_NOT_FOUND,
  HEARSAY_IMPORT_ERROR_IS_DIRECTORY,
  HEARSAY_IMPORT_ERROR_EMPTY,
  HEARSAY_IMPORT_ERROR_BINARY,
  HEARSAY_IMPORT_ERROR_ENCODING,
  HEARSAY_IMPORT_ERROR_TOO_LARGE,
  HEARSAY_IMPORT_ERROR_PARSE,
  HEARSAY_IMPORT_ERROR_INVALID,
  HEARSAY_IMPORT_ERROR_FAILED,
  HEARSAY_IMPORT_ERROR_SOME_UNREADABLE,   /* several files: each named, none imported */
} HearsayImportError;

typedef enum {
  HEARSAY_EXPORT_ERROR_UNSUPPORTED,
  HEARSAY_EXPORT_ERROR_FAILED,
} HearsayExportError;

typedef enum {
  HEARSAY_PROJECT_ERROR_NOT_FOUND,
  HEARSAY_PROJECT_ERROR_INVALID_OFFSETS,
  HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL,
  HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE,
  HEARSAY_PROJECT_ERROR_INVALID_VALUE,
  HEARSAY_PROJECT_ERROR_READ_ONLY,
  HEARSAY_PROJECT_ERROR_EXISTS,
  HEARSAY_PROJECT_ERROR_CONFLICT,
  /* Undoing it would change what a later edit of another scope relies on. */
  HEARSAY_PROJECT_ERROR_IN_USE,
  /* The undo asked for is not the next one of its scope any more. */
  HEARSAY_PROJECT_ERROR_NOT_NEXT,
} HearsayProjectError;

typedef enum {
  HEARSAY_SCHEME_ERROR_PARSE,
  HEARSAY_SCHEME_ERROR_INVALID,
} HearsaySchemeError;

GQuark hearsay_store_error_quark (void);
GQuark hearsay_import_error_quark (void);
GQuark hearsay_export_error_quark (void);
GQuark hearsay_project_error_quark (void);
GQuark hearsay_scheme_error_quark (void);

G_END_DECLS
