/** Settings records for models and training, validated on construction and stored as JSON. */
package dev.regen.config;
