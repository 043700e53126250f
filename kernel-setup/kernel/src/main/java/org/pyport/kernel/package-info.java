/** The kernel. */ package org.pyport.kernel;
