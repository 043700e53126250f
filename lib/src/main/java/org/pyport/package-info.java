package org.pyport; /** The helper library notebooks use. */
