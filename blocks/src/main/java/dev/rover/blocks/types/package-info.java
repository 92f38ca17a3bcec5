/**
 * Rover's block types (goto_url, navigation, action, login, extraction, task, file_download,
 * for_loop, while_loop, conditional, wait, validation, http_request, code, print_page), registered through ServiceLoader. They drive the browser only
 * through core's RunBrowser.
 */
package dev.rover.blocks.types;
