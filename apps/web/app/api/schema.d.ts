// Generated from the server's OpenAPI document by `npm run api-types`: do not edit.
// A test fails when it is out of date.
export interface paths {
    "/api/cms/admin/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List administrative tasks
         * @description Requires role: **admin** (or higher).
         *
         *     Requires role: **admin** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasks: {
                                args: unknown;
                                description: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/admin/tasks/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an administrative task
         * @description Answers `application/x-ndjson`: progress lines, then one `result` (or `error`) line. The CLI uses this while the embedded server holds the database.
         *
         *     Requires role: **admin** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/analytics/episodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An episode's listening: time series, totals and platforms
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description Bucket size; default: hour up to 3 days, day beyond */
                    interval?: "hour" | "day";
                    /** @description End (exclusive); default: the end of the current hour */
                    to?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            episodeId: string;
                            /** @description This UTC hour so far, counted at ingest: the series shows what the worker's aggregation has reached (seconds behind when it keeps up, more when it is behind or down). null without Redis or while it does not answer. Best effort: it may undercount after a Redis outage, never overcount. */
                            live: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                hour: string;
                                /** @description Plays (player plays and counted downloads) stored so far in this hour, counted at ingest */
                                plays: number;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            title: string;
                        } & {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            from: string;
                            /** @enum {string} */
                            interval: "hour" | "day";
                            platforms: {
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description App or platform family: web-chrome, apple-podcasts, spotify, other ... */
                                platform: string;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                secondsListened: number;
                            }[];
                            /** @description One entry per hour or day of the period (UTC), zeros included */
                            series: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                at: string;
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                secondsListened: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            to: string;
                            totals: {
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                secondsListened: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/analytics/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A program's listening: time series, totals, platforms and its top episodes
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description Bucket size; default: hour up to 3 days, day beyond */
                    interval?: "hour" | "day";
                    /** @description End (exclusive); default: the end of the current hour */
                    to?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Its 10 most played episodes of the period */
                            episodes: {
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                episodeId: string;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                programId: string;
                                programTitle: string;
                                secondsListened: number;
                                title: string;
                            }[];
                            /** @description This UTC hour so far, counted at ingest: the series shows what the worker's aggregation has reached (seconds behind when it keeps up, more when it is behind or down). null without Redis or while it does not answer. Best effort: it may undercount after a Redis outage, never overcount. */
                            live: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                hour: string;
                                /** @description Plays (player plays and counted downloads) stored so far in this hour, counted at ingest */
                                plays: number;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            title: string;
                        } & {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            from: string;
                            /** @enum {string} */
                            interval: "hour" | "day";
                            platforms: {
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description App or platform family: web-chrome, apple-podcasts, spotify, other ... */
                                platform: string;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                secondsListened: number;
                            }[];
                            /** @description One entry per hour or day of the period (UTC), zeros included */
                            series: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                at: string;
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                secondsListened: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            to: string;
                            totals: {
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                secondsListened: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/analytics/search/queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search analytics: top queries, zero-result queries, click-through by query
         * @description Counts per normalised query over a period, from the hourly rows Discovery writes (whole hours: an hour is in the period when it starts in it). Only query text and counts are kept. Counts reach the database within SEARCH_ANALYTICS_FLUSH_MS.
         *
         *     Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period, inclusive (default: 7 days before `to`) */
                    from?: string;
                    limit?: number;
                    /** @description sort=ctr: leave out queries searched (with results) fewer times than this */
                    minSearches?: number;
                    /** @description searches: most searched first; zero: queries that found nothing, most often first; ctr: lowest click-through first (queries with at least `minSearches` searches that found something) */
                    sort?: "searches" | "zero" | "ctr";
                    /** @description End of the period, exclusive (default: now) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            from: string;
                            items: {
                                /** @description Clicks on a result reported by the site */
                                clicks: number;
                                /** @description Clicks on the first result */
                                clicksFirst: number;
                                /** @description Click-through rate: clicks per search, at most 1 */
                                ctr: number;
                                maxLatencyMs: number;
                                meanClickRank: number | null;
                                /** @description Mean time to the answer in the Discovery process (a cached answer takes well under a millisecond) */
                                meanLatencyMs: number;
                                meanResults: number;
                                /** @description The normalised query (the analyzer's terms): the grouping key */
                                query: string;
                                /** @description The query as someone typed it (the latest form seen) */
                                sample: string;
                                /** @description First pages answered, cached or not (suggestions and next pages are not counted) */
                                searches: number;
                                /** @description Searches that found nothing */
                                zeroResults: number;
                            }[];
                            /** @enum {string} */
                            sort: "searches" | "zero" | "ctr";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            to: string;
                            totals: {
                                clicks: number;
                                /** @description Distinct normalised queries searched in the period */
                                queries: number;
                                searches: number;
                                zeroResults: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/analytics/top-episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The most played episodes of a period
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive); default: 7 days before `to` */
                    from?: string;
                    limit?: number;
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    programId?: string;
                    /** @description End (exclusive); default: the end of the current hour */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            from: string;
                            items: {
                                /** @description Plays heard to the end */
                                completes: number;
                                /** @description completes / (plays - downloads); null without player plays */
                                completionRate: number | null;
                                /** @description Of the plays, counted MP3 downloads (IAB-style, docs/analytics.md) */
                                downloads: number;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                episodeId: string;
                                /** @description Unique listeners (exact within LISTENING_RETENTION_DAYS, docs/analytics.md) */
                                listeners: number;
                                /** @description Plays: play beacons from the site's player plus counted MP3 downloads */
                                plays: number;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                programId: string;
                                programTitle: string;
                                secondsListened: number;
                                title: string;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            to: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The assets of an episode or a program, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    ownerId: string;
                    /** @description What the asset belongs to */
                    ownerType: "episode" | "program";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Jobs started for the latest processing request */
                                attempts: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                createdBy: string;
                                /** @description From the file (audio and video) */
                                durationSeconds: number | null;
                                /** @description Why processing failed (status failed) */
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @description The latest job */
                                job: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    assetId: string;
                                    /** @description Attempt of the processing request (retries of transient failures count up) */
                                    attempt: number;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    cancelRequestedAt: string | null;
                                    error: {
                                        /** @example unsupported-type */
                                        code: string;
                                        /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                        message: string;
                                    } | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    finishedAt: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    percent: number;
                                    /** @example encode */
                                    phase: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    queuedAt: string;
                                    /** @enum {string} */
                                    reason: "upload" | "reprocess" | "retry";
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    runAfter: string;
                                    /** @enum {string|null} */
                                    runner: "local" | "kubernetes" | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    startedAt: string | null;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                    /** @description The worker process that ran it */
                                    worker: string | null;
                                } | null;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image";
                                /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                                notices: {
                                    /**
                                     * @description What the warning is about (other: a sentence this version does not classify)
                                     * @enum {string}
                                     */
                                    code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                    /** @description The warning as the step wrote it (English) */
                                    message: string;
                                    /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                    params: {
                                        [key: string]: number;
                                    };
                                }[];
                                original: {
                                    byteSize: number;
                                    /** @description Detected from the bytes */
                                    contentType: string | null;
                                    /** @description The uploader's file name (metadata only) */
                                    fileName: string;
                                };
                                owner: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    type: "episode" | "program";
                                };
                                /** @description Progress of the running job (100 when ready) */
                                percent: number;
                                phase: string;
                                /** @description The renditions in use */
                                renditions: {
                                    /** @description Bytes (an HLS playlist counts its segments too) */
                                    byteSize: number;
                                    /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                    facts: {
                                        [key: string]: unknown;
                                    };
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                    name: string;
                                    /** @enum {string} */
                                    role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                    /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                    url: string;
                                }[];
                                /**
                                 * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                                 * @enum {string}
                                 */
                                status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                                /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                                warnings: string[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file for an episode or a program (multipart/form-data, one part named "file")
         * @description The file streams straight into storage (never held in memory), up to MEDIA_MAX_BYTES (5368709120 bytes here). Its type is decided from its bytes, not its name or Content-Type: an empty file, a PDF named .mp3 or an image sent as audio is refused with 415 and nothing is stored. The asset is created as `uploaded`; the worker then queues and processes it (follow it at /api/cms/assets/{id}/events). For large files with S3, prefer POST /api/cms/assets/uploads.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query: {
                    /** @description audio or video for an episode (its media), image for artwork (programs take only image) */
                    kind: "audio" | "video" | "image";
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    ownerId: string;
                    /** @description What the asset belongs to */
                    ownerType: "episode" | "program";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description A media asset */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jobs started for the latest processing request */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description From the file (audio and video) */
                            durationSeconds: number | null;
                            /** @description Why processing failed (status failed) */
                            error: {
                                /** @example unsupported-type */
                                code: string;
                                /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                message: string;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /** @description The latest job */
                            job: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            } | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image";
                            /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                            notices: {
                                /**
                                 * @description What the warning is about (other: a sentence this version does not classify)
                                 * @enum {string}
                                 */
                                code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                /** @description The warning as the step wrote it (English) */
                                message: string;
                                /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                params: {
                                    [key: string]: number;
                                };
                            }[];
                            original: {
                                byteSize: number;
                                /** @description Detected from the bytes */
                                contentType: string | null;
                                /** @description The uploader's file name (metadata only) */
                                fileName: string;
                            };
                            owner: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                type: "episode" | "program";
                            };
                            /** @description Progress of the running job (100 when ready) */
                            percent: number;
                            phase: string;
                            /** @description The renditions in use */
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                            /**
                             * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                             * @enum {string}
                             */
                            status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An asset: status, progress, original, renditions in use, latest job
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A media asset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jobs started for the latest processing request */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description From the file (audio and video) */
                            durationSeconds: number | null;
                            /** @description Why processing failed (status failed) */
                            error: {
                                /** @example unsupported-type */
                                code: string;
                                /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                message: string;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /** @description The latest job */
                            job: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            } | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image";
                            /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                            notices: {
                                /**
                                 * @description What the warning is about (other: a sentence this version does not classify)
                                 * @enum {string}
                                 */
                                code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                /** @description The warning as the step wrote it (English) */
                                message: string;
                                /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                params: {
                                    [key: string]: number;
                                };
                            }[];
                            original: {
                                byteSize: number;
                                /** @description Detected from the bytes */
                                contentType: string | null;
                                /** @description The uploader's file name (metadata only) */
                                fileName: string;
                            };
                            owner: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                type: "episode" | "program";
                            };
                            /** @description Progress of the running job (100 when ready) */
                            percent: number;
                            phase: string;
                            /** @description The renditions in use */
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                            /**
                             * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                             * @enum {string}
                             */
                            status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an asset: its owner stops using it at once, its files are deleted by the next sweep
         * @description In one change: queued processing is cancelled, the episode (or program) stops pointing at the asset's renditions (a new revision, so Discovery and the podcast feed drop them), and the asset leaves the CMS (404 from then on). Its files, original included, are deleted by the worker within a minute or so. An asset being processed answers 409: cancel it first.
         *
         *     Requires role: **editor** (or higher).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel processing: a queued job at once (200), a running one by stopping its FFmpeg (202; the asset becomes cancelled within a second or two)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A media asset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jobs started for the latest processing request */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description From the file (audio and video) */
                            durationSeconds: number | null;
                            /** @description Why processing failed (status failed) */
                            error: {
                                /** @example unsupported-type */
                                code: string;
                                /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                message: string;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /** @description The latest job */
                            job: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            } | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image";
                            /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                            notices: {
                                /**
                                 * @description What the warning is about (other: a sentence this version does not classify)
                                 * @enum {string}
                                 */
                                code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                /** @description The warning as the step wrote it (English) */
                                message: string;
                                /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                params: {
                                    [key: string]: number;
                                };
                            }[];
                            original: {
                                byteSize: number;
                                /** @description Detected from the bytes */
                                contentType: string | null;
                                /** @description The uploader's file name (metadata only) */
                                fileName: string;
                            };
                            owner: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                type: "episode" | "program";
                            };
                            /** @description Progress of the running job (100 when ready) */
                            percent: number;
                            phase: string;
                            /** @description The renditions in use */
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                            /**
                             * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                             * @enum {string}
                             */
                            status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                            warnings: string[];
                        };
                    };
                };
                /** @description A media asset */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jobs started for the latest processing request */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description From the file (audio and video) */
                            durationSeconds: number | null;
                            /** @description Why processing failed (status failed) */
                            error: {
                                /** @example unsupported-type */
                                code: string;
                                /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                message: string;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /** @description The latest job */
                            job: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            } | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image";
                            /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                            notices: {
                                /**
                                 * @description What the warning is about (other: a sentence this version does not classify)
                                 * @enum {string}
                                 */
                                code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                /** @description The warning as the step wrote it (English) */
                                message: string;
                                /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                params: {
                                    [key: string]: number;
                                };
                            }[];
                            original: {
                                byteSize: number;
                                /** @description Detected from the bytes */
                                contentType: string | null;
                                /** @description The uploader's file name (metadata only) */
                                fileName: string;
                            };
                            owner: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                type: "episode" | "program";
                            };
                            /** @description Progress of the running job (100 when ready) */
                            percent: number;
                            phase: string;
                            /** @description The renditions in use */
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                            /**
                             * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                             * @enum {string}
                             */
                            status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a presigned upload: check the stored file and queue its processing
         * @description A file whose bytes are not what the asset takes (empty, a PDF, an image for audio …) is refused with 415; the asset is then `failed` and the file deleted.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A media asset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jobs started for the latest processing request */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description From the file (audio and video) */
                            durationSeconds: number | null;
                            /** @description Why processing failed (status failed) */
                            error: {
                                /** @example unsupported-type */
                                code: string;
                                /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                message: string;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /** @description The latest job */
                            job: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            } | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image";
                            /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                            notices: {
                                /**
                                 * @description What the warning is about (other: a sentence this version does not classify)
                                 * @enum {string}
                                 */
                                code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                /** @description The warning as the step wrote it (English) */
                                message: string;
                                /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                params: {
                                    [key: string]: number;
                                };
                            }[];
                            original: {
                                byteSize: number;
                                /** @description Detected from the bytes */
                                contentType: string | null;
                                /** @description The uploader's file name (metadata only) */
                                fileName: string;
                            };
                            owner: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                type: "episode" | "program";
                            };
                            /** @description Progress of the running job (100 when ready) */
                            percent: number;
                            phase: string;
                            /** @description The renditions in use */
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                            /**
                             * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                             * @enum {string}
                             */
                            status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: the asset's status and progress until processing ends
         * @description text/event-stream of `status` events, each `data` a JSON object {assetId, status, percent, phase, jobId, attempt, error}: uploaded → queued → processing (percent going up) → ready | failed | cancelled, then the stream ends. Connecting to a settled asset gives its final status at once. Comments keep idle connections open. Works whichever process runs the job.
         *
         *     Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An asset's processing jobs, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}/playback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Short-lived links that play an asset's renditions whether or not its episode is public (the studio's preview player)
         * @description The renditions of GET /api/cms/assets/{id}, each `url` a preview link valid for PREVIEW_TTL_SECONDS: plain <audio>/<video> elements and hls.js play it without a bearer token.
         *
         *     Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            expiresAt: string;
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process the original again (a new job); the renditions in use stay until the new ones are ready
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A media asset */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jobs started for the latest processing request */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description From the file (audio and video) */
                            durationSeconds: number | null;
                            /** @description Why processing failed (status failed) */
                            error: {
                                /** @example unsupported-type */
                                code: string;
                                /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                message: string;
                            } | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /** @description The latest job */
                            job: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                assetId: string;
                                /** @description Attempt of the processing request (retries of transient failures count up) */
                                attempt: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                cancelRequestedAt: string | null;
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                percent: number;
                                /** @example encode */
                                phase: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                queuedAt: string;
                                /** @enum {string} */
                                reason: "upload" | "reprocess" | "retry";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                runAfter: string;
                                /** @enum {string|null} */
                                runner: "local" | "kubernetes" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                /** @description The worker process that ran it */
                                worker: string | null;
                            } | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image";
                            /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                            notices: {
                                /**
                                 * @description What the warning is about (other: a sentence this version does not classify)
                                 * @enum {string}
                                 */
                                code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                /** @description The warning as the step wrote it (English) */
                                message: string;
                                /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                params: {
                                    [key: string]: number;
                                };
                            }[];
                            original: {
                                byteSize: number;
                                /** @description Detected from the bytes */
                                contentType: string | null;
                                /** @description The uploader's file name (metadata only) */
                                fileName: string;
                            };
                            owner: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                type: "episode" | "program";
                            };
                            /** @description Progress of the running job (100 when ready) */
                            percent: number;
                            phase: string;
                            /** @description The renditions in use */
                            renditions: {
                                /** @description Bytes (an HLS playlist counts its segments too) */
                                byteSize: number;
                                /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                facts: {
                                    [key: string]: unknown;
                                };
                                /** @example audio/mpeg */
                                mimeType: string;
                                /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                name: string;
                                /** @enum {string} */
                                role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                url: string;
                            }[];
                            /**
                             * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                             * @enum {string}
                             */
                            status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/upload-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How to upload here: the size from which to use a presigned upload, the largest file, the storage
         * @description Files of `presignedFromBytes` or more should go through POST /api/cms/assets/uploads (a PUT straight to storage, then complete); smaller ones through the streamed POST /api/cms/assets. `presignedFromBytes` is MEDIA_PRESIGNED_UPLOAD_BYTES, `maxBytes` MEDIA_MAX_BYTES. With `storage: local` the upload URL is this server's own signed /media URL (PUBLIC_URL/media/…).
         *
         *     Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example 5368709120 */
                            maxBytes: number;
                            /** @example 33554432 */
                            presignedFromBytes: number;
                            /**
                             * @description Where the bytes of a presigned upload go
                             * @enum {string}
                             */
                            storage: "local" | "s3";
                            /** @description How long an upload URL stays valid */
                            uploadUrlSeconds: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/assets/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a presigned upload: creates the asset and returns a URL to PUT the file to
         * @description PUT the file to `upload.url` with exactly `upload.headers` and `byteSize` bytes (straight to S3, or to this server with local storage), then call POST /api/cms/assets/{id}/complete: it checks the stored bytes (size, type from the first bytes) and queues processing.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "ownerType": "episode",
                     *       "ownerId": "0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61",
                     *       "kind": "audio",
                     *       "fileName": "episode-12.mp3",
                     *       "byteSize": 48213504
                     *     }
                     */
                    "application/json": {
                        /** @description Exact size of the file: the upload URL takes exactly this many bytes */
                        byteSize: number;
                        /**
                         * @description The file name, kept as metadata only
                         * @example الحلقة ١.mp3
                         */
                        fileName: string;
                        /**
                         * @description audio or video for an episode (its media), image for artwork (programs take only image)
                         * @enum {string}
                         */
                        kind: "audio" | "video" | "image";
                        /**
                         * Format: uuid
                         * @description UUID
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        ownerId: string;
                        /**
                         * @description What the asset belongs to
                         * @enum {string}
                         */
                        ownerType: "episode" | "program";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A media asset */
                            asset: {
                                /** @description Jobs started for the latest processing request */
                                attempts: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                createdBy: string;
                                /** @description From the file (audio and video) */
                                durationSeconds: number | null;
                                /** @description Why processing failed (status failed) */
                                error: {
                                    /** @example unsupported-type */
                                    code: string;
                                    /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                    message: string;
                                } | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @description The latest job */
                                job: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    assetId: string;
                                    /** @description Attempt of the processing request (retries of transient failures count up) */
                                    attempt: number;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    cancelRequestedAt: string | null;
                                    error: {
                                        /** @example unsupported-type */
                                        code: string;
                                        /** @example "episode.mp3" is not audio or video: its bytes are a PDF document */
                                        message: string;
                                    } | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    finishedAt: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    percent: number;
                                    /** @example encode */
                                    phase: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    queuedAt: string;
                                    /** @enum {string} */
                                    reason: "upload" | "reprocess" | "retry";
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    runAfter: string;
                                    /** @enum {string|null} */
                                    runner: "local" | "kubernetes" | null;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    startedAt: string | null;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
                                    /** @description The worker process that ran it */
                                    worker: string | null;
                                } | null;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image";
                                /** @description The same warnings with a code and their numbers, for screens that show them in another language */
                                notices: {
                                    /**
                                     * @description What the warning is about (other: a sentence this version does not classify)
                                     * @enum {string}
                                     */
                                    code: "not-square" | "too-small" | "too-large" | "cmyk" | "transparency" | "silent" | "estimated-duration" | "no-audio" | "other";
                                    /** @description The warning as the step wrote it (English) */
                                    message: string;
                                    /** @description Its numbers: width, height, side (not-square); size (too-small, too-large); seconds (estimated-duration) */
                                    params: {
                                        [key: string]: number;
                                    };
                                }[];
                                original: {
                                    byteSize: number;
                                    /** @description Detected from the bytes */
                                    contentType: string | null;
                                    /** @description The uploader's file name (metadata only) */
                                    fileName: string;
                                };
                                owner: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    type: "episode" | "program";
                                };
                                /** @description Progress of the running job (100 when ready) */
                                percent: number;
                                phase: string;
                                /** @description The renditions in use */
                                renditions: {
                                    /** @description Bytes (an HLS playlist counts its segments too) */
                                    byteSize: number;
                                    /** @description durationSeconds, width, height, bandwidth, codecs, segments … */
                                    facts: {
                                        [key: string]: unknown;
                                    };
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    /** @description Rendition name (aac-64k, 720p, 1400), empty for one-of-a-kind outputs */
                                    name: string;
                                    /** @enum {string} */
                                    role: "hls-master" | "hls-playlist" | "mp3" | "waveform" | "poster" | "artwork" | "artwork-feed";
                                    /** @description Playback link (stable; served with byte ranges, or redirected to a presigned URL) */
                                    url: string;
                                }[];
                                /**
                                 * @description pending-upload → uploaded → queued → processing → ready | failed | cancelled
                                 * @enum {string}
                                 */
                                status: "pending-upload" | "uploaded" | "queued" | "processing" | "ready" | "failed" | "cancelled";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                                /** @description What the processing noticed, in English (artwork not square or too small, silent audio …) */
                                warnings: string[];
                            };
                            upload: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                expiresAt: string;
                                headers: {
                                    "content-type": string;
                                    /** @description With S3: send it as given; the URL then takes one upload only */
                                    "if-none-match"?: string;
                                };
                                /** @enum {string} */
                                method: "PUT";
                                url: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who changed what, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Token subject */
                    actor?: string;
                    cursor?: string;
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    entityId?: string;
                    entityType?: "program" | "episode" | "category" | "person";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @example episode.published */
                                action: string;
                                actor: string;
                                actorName: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                at: string;
                                changes: {
                                    [key: string]: {
                                        from: unknown;
                                        to: unknown;
                                    };
                                };
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                entityId: string | null;
                                entityType: string | null;
                                id: number;
                                requestId: string | null;
                                version: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List categories
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Only soft-deleted items (a trash view) */
                    deletedOnly?: boolean;
                    /** @description Include soft-deleted items (they carry deletedAt) */
                    includeDeleted?: boolean;
                    limit?: number;
                    /** @description Children of this category; "root" for top-level ones */
                    parentId?: string | "root";
                    /** @description Substring of either name */
                    q?: string;
                    /** @description position, nameEn, nameAr, createdAt, updatedAt; prefix - for descending */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description Subject of the user who created it */
                                createdBy: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                deletedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                nameAr: string;
                                nameEn: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                parentId: string | null;
                                position: number;
                                /**
                                 * @description URL name: lower-case letters (any script), digits and hyphens
                                 * @example fnjan
                                 * @example فنجان
                                 */
                                slug: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                                /** @description Subject of the user who last changed it */
                                updatedBy: string;
                                /** @description Increments on every change; the ETag is this number, quoted */
                                version: number;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a category (as a draft)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "nameAr": "تاريخ",
                     *       "nameEn": "History",
                     *       "slug": "history"
                     *     }
                     */
                    "application/json": {
                        /** @example تاريخ */
                        nameAr: string;
                        /** @example History */
                        nameEn: string;
                        /**
                         * Format: uuid
                         * @description Parent category; null for a top-level one
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        parentId?: string | null;
                        /** @description Order among siblings */
                        position?: number;
                        /**
                         * @description URL name: lower-case letters (any script), digits and hyphens
                         * @example fnjan
                         * @example فنجان
                         */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Category */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            nameAr: string;
                            nameEn: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            parentId: string | null;
                            position: number;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a category
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    includeDeleted?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Category */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            nameAr: string;
                            nameEn: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            parentId: string | null;
                            position: number;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a category (soft: restorable)
         * @description Requires role: **editor** (or higher).
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Category */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            nameAr: string;
                            nameEn: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            parentId: string | null;
                            position: number;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a category
         * @description Send the ETag you read as If-Match. If someone saved in between you get 412 and nothing is saved.
         *
         *     Requires role: **editor** (or higher).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example تاريخ */
                        nameAr?: string;
                        /** @example History */
                        nameEn?: string;
                        /**
                         * Format: uuid
                         * @description Parent category; null for a top-level one
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        parentId?: string | null;
                        /** @description Order among siblings */
                        position?: number;
                        /**
                         * @description URL name: lower-case letters (any script), digits and hyphens
                         * @example fnjan
                         * @example فنجان
                         */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Category */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            nameAr: string;
                            nameEn: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            parentId: string | null;
                            position: number;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cms/categories/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted category
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Category */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            nameAr: string;
                            nameEn: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            parentId: string | null;
                            position: number;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/categories/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the revisions of a category, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @example updated */
                                action: string;
                                actor: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description The resource as it was at this version */
                                snapshot: unknown;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/categories/{id}/revisions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one revision of a category
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example updated */
                            action: string;
                            actor: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description The resource as it was at this version */
                            snapshot: unknown;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/categories/{id}/revisions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore the content of an earlier revision (as a new version)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Category */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            nameAr: string;
                            nameEn: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            parentId: string | null;
                            position: number;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List episodes
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Only soft-deleted items (a trash view) */
                    deletedOnly?: boolean;
                    episodeType?: "full" | "trailer" | "bonus";
                    /** @description Include soft-deleted items (they carry deletedAt) */
                    includeDeleted?: boolean;
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    programId?: string;
                    /** @description ISO 8601 date-time */
                    publishedFrom?: string;
                    /** @description ISO 8601 date-time */
                    publishedTo?: string;
                    /** @description Substring of the title */
                    q?: string;
                    season?: number;
                    /** @description updatedAt, createdAt, publishAt, title, number; prefix - for descending */
                    sort?: string;
                    status?: "draft" | "scheduled" | "published" | "archived";
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description Subject of the user who created it */
                                createdBy: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                deletedAt: string | null;
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                externalId: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                /** @description People and their role, in display order */
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    personId: string;
                                    /** @enum {string} */
                                    role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                                }[];
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                programId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string | null;
                                season: number | null;
                                /** @enum {string} */
                                status: "draft" | "scheduled" | "published" | "archived";
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                                /** @description Subject of the user who last changed it */
                                updatedBy: string;
                                /** @description Increments on every change; the ETag is this number, quoted */
                                version: number;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a episode (as a draft)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "programId": "0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61",
                     *       "title": "الحلقة الأولى",
                     *       "season": 1,
                     *       "number": 1,
                     *       "durationSeconds": 1800
                     *     }
                     */
                    "application/json": {
                        description?: string;
                        durationSeconds?: number | null;
                        /** @enum {string} */
                        episodeType?: "full" | "trailer" | "bonus";
                        explicit?: boolean;
                        /** @description The episode's id at the program's source (guid) */
                        externalId?: string;
                        /**
                         * @description Content language (ISO 639-1)
                         * @example ar
                         * @enum {string}
                         */
                        language?: "ar" | "en";
                        media?: {
                            byteSize?: number | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image" | "transcript" | "chapters";
                            /** @example audio/mpeg */
                            mimeType: string;
                            /**
                             * Format: uri
                             * @description An http(s) URL
                             */
                            url: string;
                        }[];
                        number?: number | null;
                        /** @description People and their role, in display order */
                        people?: {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            personId: string;
                            /** @enum {string} */
                            role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                        }[];
                        /**
                         * Format: uuid
                         * @description UUID
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        programId: string;
                        season?: number | null;
                        /**
                         * @description Free tags
                         * @example [
                         *       "تاريخ",
                         *       "history"
                         *     ]
                         */
                        tags?: string[];
                        /** @example الحلقة الأولى: البدايات */
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Episode */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a episode
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    includeDeleted?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a episode (soft: restorable)
         * @description Requires role: **editor** (or higher).
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a episode
         * @description Send the ETag you read as If-Match. If someone saved in between you get 412 and nothing is saved.
         *
         *     Requires role: **editor** (or higher).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "title": "عنوان جديد"
                     *     }
                     */
                    "application/json": {
                        description?: string;
                        durationSeconds?: number | null;
                        /** @enum {string} */
                        episodeType?: "full" | "trailer" | "bonus";
                        explicit?: boolean;
                        /**
                         * @description Content language (ISO 639-1)
                         * @example ar
                         * @enum {string}
                         */
                        language?: "ar" | "en";
                        media?: {
                            byteSize?: number | null;
                            /** @enum {string} */
                            kind: "audio" | "video" | "image" | "transcript" | "chapters";
                            /** @example audio/mpeg */
                            mimeType: string;
                            /**
                             * Format: uri
                             * @description An http(s) URL
                             */
                            url: string;
                        }[];
                        number?: number | null;
                        /** @description People and their role, in display order */
                        people?: {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            personId: string;
                            /** @enum {string} */
                            role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                        }[];
                        season?: number | null;
                        /**
                         * @description Free tags
                         * @example [
                         *       "تاريخ",
                         *       "history"
                         *     ]
                         */
                        tags?: string[];
                        /** @example الحلقة الأولى: البدايات */
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cms/episodes/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive the episode (hidden, kept)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the episode now (or back-dated with publishAt in the past)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Optional for publish; schedule needs publishAt */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description For publish: a past date to back-date to (default now). For schedule: the future time.
                         */
                        publishAt?: string;
                    };
                };
            };
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted episode
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the revisions of a episode, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @example updated */
                                action: string;
                                actor: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description The resource as it was at this version */
                                snapshot: unknown;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/revisions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one revision of a episode
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example updated */
                            action: string;
                            actor: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description The resource as it was at this version */
                            snapshot: unknown;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/revisions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore the content of an earlier revision (as a new version)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule the episode: it becomes public by itself at publishAt
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Optional for publish; schedule needs publishAt */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description For publish: a past date to back-date to (default now). For schedule: the future time.
                         */
                        publishAt?: string;
                    };
                };
            };
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the episode back to draft
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            externalId: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "audio" | "video" | "image" | "transcript" | "chapters";
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string | null;
                            season: number | null;
                            /** @enum {string} */
                            status: "draft" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/episodes/bulk/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish many episodes; each succeeds or fails on its own
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "ids": [
                     *         "0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                detail?: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @description HTTP status this item would have had on its own */
                                status: number;
                                version?: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent imports, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    programId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actor: string;
                                /** @description Why it failed */
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                finishedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                options: {
                                    programSlug: string | null;
                                    publish: boolean;
                                    subscribe: boolean;
                                    withMedia?: boolean;
                                };
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                programId: string | null;
                                progress: {
                                    done: number;
                                    total: number;
                                };
                                /** @description The feed URL, or the name of the uploaded file */
                                source: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                startedAt: string;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed" | "cancelled";
                                /** @description When it has ended: the program, episode counts (new, updated, unchanged, missing, failed), failures, warnings */
                                summary: {
                                    /** @description Stopped early (server shutdown); run it again to finish */
                                    cancelled: boolean;
                                    episodes: {
                                        /** @description Items that could not be written (see failures); the others were */
                                        failed: number;
                                        /** @description Imported items no longer in the feed: flagged, not deleted */
                                        missing: number;
                                        new: number;
                                        /** @description Items flagged missing before that are back */
                                        returned: number;
                                        /** @description Items in the feed */
                                        total: number;
                                        /** @description No new revision */
                                        unchanged: number;
                                        /** @description Changed since the last import: a new revision each */
                                        updated: number;
                                    };
                                    failures: {
                                        externalId: string;
                                        reason: string;
                                        title: string;
                                    }[];
                                    /** @description For imports from a URL */
                                    feed: {
                                        /** @description The URL it was read from, when it has moved */
                                        movedFrom: string | null;
                                        subscribed: boolean;
                                        /** @description Where the feed lives now (after a move) */
                                        url: string;
                                    } | null;
                                    /** @description With withMedia: files queued to be fetched into storage and processed by the worker (GET /api/cms/imports/media/{programId}) */
                                    mediaQueued?: number;
                                    peopleCreated: number;
                                    program: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        categoryId: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        /** @enum {string} */
                                        outcome: "new" | "updated" | "unchanged";
                                        slug: string;
                                        /** @enum {string} */
                                        status: "draft" | "published" | "archived";
                                        title: string;
                                    };
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    runId: string;
                                    /** @description The URL or file imported */
                                    source: string;
                                    warnings: string[];
                                } | null;
                                /** @enum {string} */
                                trigger: "cli" | "api" | "cron";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Start importing a feed from a URL
         * @description Answers 202 with the run id at once; the import runs in the background. Follow it with GET /api/cms/imports/:id. Fetch and parse failures (an HTML page, a refused address, a malformed feed) end the run with status `failed` and a message naming the problem; nothing is written when the document cannot be read. A feed document can also be posted directly: see POST /api/cms/imports/document.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "url": "https://feeds.example.org/podcast.xml",
                     *       "publish": false
                     *     }
                     */
                    "application/json": {
                        /** @description Import into this existing program instead of the one the feed identifies */
                        programSlug?: string;
                        /**
                         * @description New programs and episodes arrive published, keeping their dates (future dates are scheduled); else as drafts
                         * @default false
                         */
                        publish?: boolean;
                        /**
                         * @description Keep reading the feed (cron role) and import what changes
                         * @default true
                         */
                        subscribe?: boolean;
                        /**
                         * Format: uri
                         * @description Feed URL: RSS/Atom podcast feed or YouTube channel/playlist feed
                         */
                        url: string;
                        /**
                         * @description Also fetch each episode's enclosure and the program's artwork into storage and process them like uploads (moving a back catalogue off its old host); a subscription keeps doing so for new items. Follow it with GET /api/cms/imports/media/{programId}
                         * @default false
                         */
                        withMedia?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            location: string;
                            /** @enum {string} */
                            status: "running";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import: status (running, succeeded, failed, cancelled), progress, summary or error
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actor: string;
                            /** @description Why it failed */
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            finishedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            options: {
                                programSlug: string | null;
                                publish: boolean;
                                subscribe: boolean;
                                withMedia?: boolean;
                            };
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string | null;
                            progress: {
                                done: number;
                                total: number;
                            };
                            /** @description The feed URL, or the name of the uploaded file */
                            source: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            startedAt: string;
                            /** @enum {string} */
                            status: "running" | "succeeded" | "failed" | "cancelled";
                            /** @description When it has ended: the program, episode counts (new, updated, unchanged, missing, failed), failures, warnings */
                            summary: {
                                /** @description Stopped early (server shutdown); run it again to finish */
                                cancelled: boolean;
                                episodes: {
                                    /** @description Items that could not be written (see failures); the others were */
                                    failed: number;
                                    /** @description Imported items no longer in the feed: flagged, not deleted */
                                    missing: number;
                                    new: number;
                                    /** @description Items flagged missing before that are back */
                                    returned: number;
                                    /** @description Items in the feed */
                                    total: number;
                                    /** @description No new revision */
                                    unchanged: number;
                                    /** @description Changed since the last import: a new revision each */
                                    updated: number;
                                };
                                failures: {
                                    externalId: string;
                                    reason: string;
                                    title: string;
                                }[];
                                /** @description For imports from a URL */
                                feed: {
                                    /** @description The URL it was read from, when it has moved */
                                    movedFrom: string | null;
                                    subscribed: boolean;
                                    /** @description Where the feed lives now (after a move) */
                                    url: string;
                                } | null;
                                /** @description With withMedia: files queued to be fetched into storage and processed by the worker (GET /api/cms/imports/media/{programId}) */
                                mediaQueued?: number;
                                peopleCreated: number;
                                program: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    outcome: "new" | "updated" | "unchanged";
                                    slug: string;
                                    /** @enum {string} */
                                    status: "draft" | "published" | "archived";
                                    title: string;
                                };
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                runId: string;
                                /** @description The URL or file imported */
                                source: string;
                                warnings: string[];
                            } | null;
                            /** @enum {string} */
                            trigger: "cli" | "api" | "cron";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/imports/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start importing a feed document (the request body)
         * @description Send the feed itself with Content-Type application/rss+xml, application/atom+xml, application/xml, text/xml. Answers 202 like POST /api/cms/imports; nothing is subscribed.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: {
                    /** @description A name for the document in the run record */
                    fileName?: string;
                    programSlug?: string;
                    publish?: boolean;
                    /** @description As withMedia of POST /api/cms/imports */
                    withMedia?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            location: string;
                            /** @enum {string} */
                            status: "running";
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/imports/document/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview importing a feed document (the request body): nothing is written
         * @description Reads and matches the feed exactly as an import does (same parser, same program and episode matching, same identity checks) and answers what the import would create, update or leave alone, with its warnings. Nothing is written: no run, no subscription, no person. A document that cannot be read is a problem: 422 (not a feed), 400 (a URL the fetch policy refuses), 502/504 (the feed's server failed or timed out); `code` names the kind. 409 when the feed claims a program it cannot prove it is. Send the feed with Content-Type application/rss+xml, application/atom+xml, application/xml, text/xml.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: {
                    /** @description A name for the document in the preview */
                    fileName?: string;
                    programSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            episodes: {
                                /** @description Items the CMS would refuse (see failures) */
                                failed: number;
                                /** @description Imported items that would be flagged as gone from the feed */
                                missing: number;
                                new: number;
                                /** @description Items flagged missing before that are back */
                                returned: number;
                                /** @description Items in the feed */
                                total: number;
                                unchanged: number;
                                updated: number;
                            };
                            failures: {
                                externalId: string;
                                reason: string;
                                title: string;
                            }[];
                            /** @description For previews of a URL */
                            feed: {
                                /**
                                 * Format: uuid
                                 * @description The program already subscribed to this feed, if any
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                subscribedProgramId: string | null;
                                /** @description Where the feed lives (after a move) */
                                url: string;
                            } | null;
                            /** @description The first 100 items, in feed order */
                            items: {
                                externalId: string;
                                /** @enum {string} */
                                outcome: "new" | "updated" | "unchanged" | "failed";
                                publishAt: string | null;
                                title: string;
                            }[];
                            /** @description People named in the feed that match nobody in the CMS */
                            peopleToCreate: number;
                            program: {
                                /**
                                 * Format: uuid
                                 * @description The existing program it imports into; null when it would be created
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string | null;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /** @enum {string} */
                                language: "ar" | "en";
                                /** @enum {string} */
                                outcome: "new" | "updated" | "unchanged";
                                slug: string | null;
                                /** @description The title the feed gives */
                                title: string;
                            };
                            /** @description The URL or file previewed */
                            source: string;
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/imports/media/{programId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the import of a program's media stands (imports with withMedia)
         * @description Files by status: queued, fetching, done (an asset was made; see GET /api/cms/assets for its processing), failed (after retries, or at once for a file that is not media or is over MEDIA_MAX_BYTES), skipped (its episode was deleted meanwhile); bytes fetched; the latest errors.
         *
         *     Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    programId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Bytes fetched into storage so far */
                            bytes: number;
                            done: number;
                            /** @description The latest errors, newest first (at most 10) */
                            errors: {
                                error: string;
                                url: string;
                            }[];
                            failed: number;
                            fetching: number;
                            queued: number;
                            skipped: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview importing a feed from a URL: nothing is written
         * @description Reads and matches the feed exactly as an import does (same parser, same program and episode matching, same identity checks) and answers what the import would create, update or leave alone, with its warnings. Nothing is written: no run, no subscription, no person. A document that cannot be read is a problem: 422 (not a feed), 400 (a URL the fetch policy refuses), 502/504 (the feed's server failed or timed out); `code` names the kind. 409 when the feed claims a program it cannot prove it is.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "url": "https://feeds.example.org/podcast.xml"
                     *     }
                     */
                    "application/json": {
                        /** @description Import into this existing program instead of the one the feed identifies */
                        programSlug?: string;
                        /**
                         * Format: uri
                         * @description Feed URL: RSS/Atom podcast feed or YouTube channel/playlist feed
                         */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            episodes: {
                                /** @description Items the CMS would refuse (see failures) */
                                failed: number;
                                /** @description Imported items that would be flagged as gone from the feed */
                                missing: number;
                                new: number;
                                /** @description Items flagged missing before that are back */
                                returned: number;
                                /** @description Items in the feed */
                                total: number;
                                unchanged: number;
                                updated: number;
                            };
                            failures: {
                                externalId: string;
                                reason: string;
                                title: string;
                            }[];
                            /** @description For previews of a URL */
                            feed: {
                                /**
                                 * Format: uuid
                                 * @description The program already subscribed to this feed, if any
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                subscribedProgramId: string | null;
                                /** @description Where the feed lives (after a move) */
                                url: string;
                            } | null;
                            /** @description The first 100 items, in feed order */
                            items: {
                                externalId: string;
                                /** @enum {string} */
                                outcome: "new" | "updated" | "unchanged" | "failed";
                                publishAt: string | null;
                                title: string;
                            }[];
                            /** @description People named in the feed that match nobody in the CMS */
                            peopleToCreate: number;
                            program: {
                                /**
                                 * Format: uuid
                                 * @description The existing program it imports into; null when it would be created
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string | null;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /** @enum {string} */
                                language: "ar" | "en";
                                /** @enum {string} */
                                outcome: "new" | "updated" | "unchanged";
                                slug: string | null;
                                /** @description The title the feed gives */
                                title: string;
                            };
                            /** @description The URL or file previewed */
                            source: string;
                            warnings: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                504: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the token belongs to, and its roles
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            roles: string[];
                            sub: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List people
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Only soft-deleted items (a trash view) */
                    deletedOnly?: boolean;
                    /** @description Include soft-deleted items (they carry deletedAt) */
                    includeDeleted?: boolean;
                    limit?: number;
                    /** @description Substring of the name */
                    q?: string;
                    /** @description name, createdAt, updatedAt; prefix - for descending */
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bio: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description Subject of the user who created it */
                                createdBy: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                deletedAt: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                imageUrl: string | null;
                                name: string;
                                /**
                                 * @description URL name: lower-case letters (any script), digits and hyphens
                                 * @example fnjan
                                 * @example فنجان
                                 */
                                slug: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                                /** @description Subject of the user who last changed it */
                                updatedBy: string;
                                /** @description Increments on every change; the ETag is this number, quoted */
                                version: number;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a person (as a draft)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "Sara Al-Harbi",
                     *       "bio": "Host of the weekly history program."
                     *     }
                     */
                    "application/json": {
                        bio?: string;
                        /**
                         * Format: uri
                         * @description An http(s) URL
                         */
                        imageUrl?: string | null;
                        /** @example عبدالرحمن أبومالح */
                        name: string;
                        /**
                         * @description URL name: lower-case letters (any script), digits and hyphens
                         * @example fnjan
                         * @example فنجان
                         */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Person */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a person
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    includeDeleted?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a person (soft: restorable)
         * @description Requires role: **editor** (or higher).
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a person
         * @description Send the ETag you read as If-Match. If someone saved in between you get 412 and nothing is saved.
         *
         *     Requires role: **editor** (or higher).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bio?: string;
                        /**
                         * Format: uri
                         * @description An http(s) URL
                         */
                        imageUrl?: string | null;
                        /** @example عبدالرحمن أبومالح */
                        name?: string;
                        /**
                         * @description URL name: lower-case letters (any script), digits and hyphens
                         * @example fnjan
                         * @example فنجان
                         */
                        slug?: string;
                    };
                };
            };
            responses: {
                /** @description Person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cms/people/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted person
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/people/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the revisions of a person, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @example updated */
                                action: string;
                                actor: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description The resource as it was at this version */
                                snapshot: unknown;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/people/{id}/revisions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one revision of a person
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example updated */
                            action: string;
                            actor: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description The resource as it was at this version */
                            snapshot: unknown;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/people/{id}/revisions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore the content of an earlier revision (as a new version)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/previews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived preview link of a draft program or episode, as the public site will show it
         * @description The site renders the page from the current draft while the token is valid (PREVIEW_TTL_SECONDS, 30 minutes by default), never cached and never indexed. Anyone holding the link sees that one item until it expires.
         *
         *     Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "episode",
                     *       "id": "0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description UUID
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        id: string;
                        /**
                         * @description What to preview
                         * @enum {string}
                         */
                        type: "program" | "episode";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            expiresAt: string;
                            /** @description Absolute URLs of the public pages, rendered from the current draft while the token is valid */
                            links: {
                                /** @description The Arabic page with the token */
                                ar: string;
                                /** @description The English page with the token */
                                en: string;
                            };
                            /** @description The preview token (the `preview` query parameter of the links) */
                            token: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List programs
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    categoryId?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Only soft-deleted items (a trash view) */
                    deletedOnly?: boolean;
                    externalSource?: string;
                    /** @description Include soft-deleted items (they carry deletedAt) */
                    includeDeleted?: boolean;
                    /** @example podcast */
                    kind?: "podcast" | "series" | "documentary";
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                    /** @description Substring of the title */
                    q?: string;
                    /** @description updatedAt, createdAt, title, publishedAt; prefix - for descending */
                    sort?: string;
                    status?: "draft" | "published" | "archived";
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                artworkUrl: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                categoryId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description Subject of the user who created it */
                                createdBy: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                deletedAt: string | null;
                                description: string;
                                /** @description Live (not deleted) episodes */
                                episodeCount: number;
                                explicit: boolean;
                                externalId: string | null;
                                externalSource: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @example podcast
                                 * @enum {string}
                                 */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                /** @description People and their role, in display order */
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    personId: string;
                                    /** @enum {string} */
                                    role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string | null;
                                /**
                                 * @description URL name: lower-case letters (any script), digits and hyphens
                                 * @example fnjan
                                 * @example فنجان
                                 */
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "published" | "archived";
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                                /** @description Subject of the user who last changed it */
                                updatedBy: string;
                                /** @description Increments on every change; the ETag is this number, quoted */
                                version: number;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a program (as a draft)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "kind": "podcast",
                     *       "title": "حكايات من التاريخ",
                     *       "language": "ar",
                     *       "description": "قصص قصيرة من التاريخ العربي",
                     *       "tags": [
                     *         "تاريخ"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uri
                         * @description An http(s) URL
                         */
                        artworkUrl?: string | null;
                        /**
                         * Format: uuid
                         * @description UUID
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        categoryId?: string | null;
                        description?: string;
                        explicit?: boolean;
                        /** @description Its id at that source */
                        externalId?: string;
                        /** @description Where an imported program came from (e.g. rss) */
                        externalSource?: string;
                        /**
                         * @example podcast
                         * @enum {string}
                         */
                        kind: "podcast" | "series" | "documentary";
                        /**
                         * @description Content language (ISO 639-1)
                         * @example ar
                         * @enum {string}
                         */
                        language: "ar" | "en";
                        /** @description People and their role, in display order */
                        people?: {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            personId: string;
                            /** @enum {string} */
                            role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                        }[];
                        /**
                         * @description URL name: lower-case letters (any script), digits and hyphens
                         * @example fnjan
                         * @example فنجان
                         */
                        slug?: string;
                        /**
                         * @description Free tags
                         * @example [
                         *       "تاريخ",
                         *       "history"
                         *     ]
                         */
                        tags?: string[];
                        /** @example فنجان */
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Program */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a program
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: {
                    includeDeleted?: boolean;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a program (soft: restorable)
         * @description Requires role: **editor** (or higher).
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a program
         * @description Send the ETag you read as If-Match. If someone saved in between you get 412 and nothing is saved.
         *
         *     Requires role: **editor** (or higher).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "title": "حكايات من التاريخ العربي"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uri
                         * @description An http(s) URL
                         */
                        artworkUrl?: string | null;
                        /**
                         * Format: uuid
                         * @description UUID
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        categoryId?: string | null;
                        description?: string;
                        explicit?: boolean;
                        /**
                         * @example podcast
                         * @enum {string}
                         */
                        kind?: "podcast" | "series" | "documentary";
                        /**
                         * @description Content language (ISO 639-1)
                         * @example ar
                         * @enum {string}
                         */
                        language?: "ar" | "en";
                        /** @description People and their role, in display order */
                        people?: {
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            personId: string;
                            /** @enum {string} */
                            role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                        }[];
                        /**
                         * @description URL name: lower-case letters (any script), digits and hyphens
                         * @example fnjan
                         * @example فنجان
                         */
                        slug?: string;
                        /**
                         * @description Free tags
                         * @example [
                         *       "تاريخ",
                         *       "history"
                         *     ]
                         */
                        tags?: string[];
                        /** @example فنجان */
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cms/programs/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive the program (hidden, kept)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the program (its published episodes become public)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted program
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the revisions of a program, newest first
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @example updated */
                                action: string;
                                actor: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                createdAt: string;
                                /** @description The resource as it was at this version */
                                snapshot: unknown;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}/revisions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one revision of a program
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @example updated */
                            action: string;
                            actor: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description The resource as it was at this version */
                            snapshot: unknown;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}/revisions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore the content of an earlier revision (as a new version)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the program back to draft (hides it and its episodes)
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description ETag of the version this change is based on */
                    "if-match"?: string;
                };
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Program */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            artworkUrl: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            categoryId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            createdAt: string;
                            /** @description Subject of the user who created it */
                            createdBy: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            deletedAt: string | null;
                            description: string;
                            /** @description Live (not deleted) episodes */
                            episodeCount: number;
                            explicit: boolean;
                            externalId: string | null;
                            externalSource: string | null;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @example podcast
                             * @enum {string}
                             */
                            kind: "podcast" | "series" | "documentary";
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            /** @description People and their role, in display order */
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                personId: string;
                                /** @enum {string} */
                                role: "host" | "co-host" | "guest" | "producer" | "narrator" | "editor";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishedAt: string | null;
                            /**
                             * @description URL name: lower-case letters (any script), digits and hyphens
                             * @example fnjan
                             * @example فنجان
                             */
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "archived";
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                            /** @description Subject of the user who last changed it */
                            updatedBy: string;
                            /** @description Increments on every change; the ETag is this number, quoted */
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/programs/bulk/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish many programs; each succeeds or fails on its own
         * @description Requires role: **editor** (or higher).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "ids": [
                     *         "0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                detail?: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @description HTTP status this item would have had on its own */
                                status: number;
                                version?: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscribed feeds and how their last reads went
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                etag: string | null;
                                /** @description Failures in a row (reset by a success) */
                                failures: number;
                                feedUrl: string;
                                intervalSeconds: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                lastAttemptAt: string | null;
                                lastError: string | null;
                                lastModified: string | null;
                                /** @enum {string|null} */
                                lastOutcome: "imported" | "not-modified" | "failed" | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                lastSuccessAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                nextAttemptAt: string;
                                /** @description Where the feed lived before it moved, oldest first */
                                previousUrls: string[];
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                programId: string;
                                /** @description New items found by a re-sync arrive published (else as drafts) */
                                publish: boolean;
                                /** @description New items' enclosures are fetched into storage and processed (as an import with withMedia) */
                                withMedia: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cms/subscriptions/{programId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A program's feed subscription
         * @description Requires role: **viewer** (or higher).
         *
         *     Requires role: **viewer** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    programId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            etag: string | null;
                            /** @description Failures in a row (reset by a success) */
                            failures: number;
                            feedUrl: string;
                            intervalSeconds: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            lastModified: string | null;
                            /** @enum {string|null} */
                            lastOutcome: "imported" | "not-modified" | "failed" | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            lastSuccessAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            nextAttemptAt: string;
                            /** @description Where the feed lived before it moved, oldest first */
                            previousUrls: string[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /** @description New items found by a re-sync arrive published (else as drafts) */
                            publish: boolean;
                            /** @description New items' enclosures are fetched into storage and processed (as an import with withMedia) */
                            withMedia: boolean;
                        } & {
                            /** @description Imported episodes no longer in the feed (flagged, not deleted) */
                            missing: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                episodeId: string;
                                externalId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                missingSince: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Pause or resume a subscription, or choose whether new items arrive published and bring their media
         * @description Requires role: **editor** (or higher).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    programId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        publish?: boolean;
                        /** @description New items' enclosures are fetched into storage and processed */
                        withMedia?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            etag: string | null;
                            /** @description Failures in a row (reset by a success) */
                            failures: number;
                            feedUrl: string;
                            intervalSeconds: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            lastModified: string | null;
                            /** @enum {string|null} */
                            lastOutcome: "imported" | "not-modified" | "failed" | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            lastSuccessAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            nextAttemptAt: string;
                            /** @description Where the feed lived before it moved, oldest first */
                            previousUrls: string[];
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            programId: string;
                            /** @description New items found by a re-sync arrive published (else as drafts) */
                            publish: boolean;
                            /** @description New items' enclosures are fetched into storage and processed (as an import with withMedia) */
                            withMedia: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/cms/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List CMS users
         * @description Requires role: **admin** (or higher).
         *
         *     Requires role: **admin** (or higher).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                disabled: boolean;
                                /** Format: date-time */
                                lastSeenAt: string;
                                name: string;
                                roles: string[];
                                sub: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All categories with their number of public programs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                nameAr: string;
                                nameEn: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                parentId: string | null;
                                position: number;
                                slug: string;
                            } & {
                                programCount: number;
                            })[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/categories/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A category and its programs (subcategories included) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                nameAr: string;
                                nameEn: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                parentId: string | null;
                                position: number;
                                slug: string;
                            };
                            programs: {
                                items: ({
                                    artworkUrl: string | null;
                                    category: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        nameAr: string;
                                        nameEn: string;
                                        slug: string;
                                    } | null;
                                    description: string;
                                    explicit: boolean;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "podcast" | "series" | "documentary";
                                    /**
                                     * @description Content language (ISO 639-1)
                                     * @example ar
                                     * @enum {string}
                                     */
                                    language: "ar" | "en";
                                    people: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        name: string;
                                        /** @example host */
                                        role: string;
                                        slug: string;
                                    }[];
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    publishedAt: string;
                                    slug: string;
                                    tags: string[];
                                    title: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    updatedAt: string;
                                } & {
                                    episodeCount: number;
                                    /**
                                     * Format: uri-reference
                                     * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                     * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                     */
                                    feedUrl: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    latestEpisodeAt: string | null;
                                })[];
                                /** @description Pass as `cursor` for the next page; null on the last page */
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest public episodes */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/episodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One public episode */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A public episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                            guid: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /** @example audio */
                                kind: string;
                                /** @example audio/mpeg */
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                name: string;
                                /** @example host */
                                role: string;
                                slug: string;
                            }[];
                            program: {
                                artworkUrl: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                categoryId: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                kind: string;
                                slug: string;
                                title: string;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string;
                            season: number | null;
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/episodes/{id}/also-played": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Listeners who played this episode also played: item-item co-occurrence, from the active model version */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /**
                     * @description Leave out what this listener played (the answer is then not cached)
                     * @example 5b0c2a4e-7f3d-4c1b-9e8a-1d2c3b4a5f60
                     */
                    listener?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                            /** @description The recommendation model version that served this (null: none built yet) */
                            modelVersion: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/episodes/{id}/more-like-this": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Episodes like this one, from content: shared words (by rarity), category, language, people */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /**
                     * @description The anonymous listener id the site's player keeps in the browser (a random UUID); never an account
                     * @example 5b0c2a4e-7f3d-4c1b-9e8a-1d2c3b4a5f60
                     */
                    listener?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/for-you": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For one listener: episodes near their history (the active model's neighbours, the listener's listens up to now), never one they played; with no history (cold start), trending in the chosen language and categories. Not cached. */
        get: {
            parameters: {
                query: {
                    /**
                     * @description Comma-separated category slugs (subcategories included; unknown slugs are ignored)
                     * @example culture,science
                     */
                    categories?: string;
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                    /**
                     * @description The anonymous listener id the site's player keeps in the browser (a random UUID); never an account
                     * @example 5b0c2a4e-7f3d-4c1b-9e8a-1d2c3b4a5f60
                     */
                    listener: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description history: from the listener's listens; cold-start: none yet; mixed: both
                             * @enum {string}
                             */
                            basis: "history" | "cold-start" | "mixed";
                            items: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                            /** @description The recommendation model version that served this (null: none built yet) */
                            modelVersion: number | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The front page: newest episodes, featured programs, a shelf per category */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    parentId: string | null;
                                    position: number;
                                    slug: string;
                                };
                                programs: ({
                                    artworkUrl: string | null;
                                    category: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        nameAr: string;
                                        nameEn: string;
                                        slug: string;
                                    } | null;
                                    description: string;
                                    explicit: boolean;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "podcast" | "series" | "documentary";
                                    /**
                                     * @description Content language (ISO 639-1)
                                     * @example ar
                                     * @enum {string}
                                     */
                                    language: "ar" | "en";
                                    people: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        name: string;
                                        /** @example host */
                                        role: string;
                                        slug: string;
                                    }[];
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    publishedAt: string;
                                    slug: string;
                                    tags: string[];
                                    title: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    updatedAt: string;
                                } & {
                                    episodeCount: number;
                                    /**
                                     * Format: uri-reference
                                     * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                     * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                     */
                                    feedUrl: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    latestEpisodeAt: string | null;
                                })[];
                            }[];
                            featured: ({
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            })[];
                            latest: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/listening/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a batch of listening beacons from a player
         * @description Play, progress (every 30 s of playback), complete and seek events of one anonymous listener. Each event has its own id: an id already recorded is listed in `duplicates` and not counted again. Events of episodes that are not public, or whose time is more than 5 minutes ahead or 24 hours behind the server, are listed in `rejected`. When nothing is recorded the answer is a problem: 409 when every event was a duplicate, 400 otherwise; 503 when the event stream cannot take them (its `stored` lists the ids it did take: sending the batch again is safe). Accepts `application/json` or `text/plain` holding JSON (navigator.sendBeacon).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            at: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            episode: string;
                            /** @description Client-made id of this event, unique: an event sent again with the same id is counted once */
                            id: string;
                            /**
                             * @description play: playback started; progress: every 30 s of playback; complete: reached the end; seek: jumped
                             * @enum {string}
                             */
                            kind: "play" | "progress" | "complete" | "seek";
                            /** @description Seconds of playback since the previous beacon (progress, complete) */
                            listened?: number;
                            /** @description Playback position in seconds */
                            position: number;
                        }[];
                        /** @description The anonymous listener id the player keeps in the browser (a random UUID) */
                        listener: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Events recorded now */
                            accepted: number;
                            /** @description Event ids recorded before (sent again): not counted twice */
                            duplicates: string[];
                            /** @description Events refused, with why (not public, clock) */
                            rejected: {
                                id: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/listening/listeners/{listenerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a listener's listening history
         * @description Removes the raw events (also those still waiting in the event stream), the per-episode history and the per-hour unique-listener marks of this listener id, and takes their plays, completions, seconds and unique-listener counts out of the hourly analytics within the retention period. The id itself is the credential: only the browser that made it knows it. Answers the same for an id never seen.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The anonymous listener id the player keeps in the browser (a random UUID) */
                    listenerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: number;
                            hours: number;
                            items: number;
                            /** @description Events still waiting in the event stream (NATS), deleted before they were recorded */
                            pending: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People who appear in public programs */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bio: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                imageUrl: string | null;
                                name: string;
                                slug: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/people/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person, with the programs and episodes they appear in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bio: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            imageUrl: string | null;
                            name: string;
                            slug: string;
                        } & {
                            episodes: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                            programs: (({
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            }) & {
                                roles: string[];
                            })[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/preview/episodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A draft episode as its public page will show it (with a preview token from POST /api/cms/previews)
         * @description Never cached (no-store) nor indexed. Its media links are short-lived preview links that play although the episode is not public.
         */
        get: {
            parameters: {
                query: {
                    /** @description The preview token of the link the studio made */
                    token: string;
                };
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A public episode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            durationSeconds: number | null;
                            /** @enum {string} */
                            episodeType: "full" | "trailer" | "bonus";
                            explicit: boolean;
                            /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                            guid: string;
                            /**
                             * Format: uuid
                             * @description UUID
                             * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                             */
                            id: string;
                            /**
                             * @description Content language (ISO 639-1)
                             * @example ar
                             * @enum {string}
                             */
                            language: "ar" | "en";
                            media: {
                                byteSize: number | null;
                                /** @example audio */
                                kind: string;
                                /** @example audio/mpeg */
                                mimeType: string;
                                url: string;
                            }[];
                            number: number | null;
                            people: {
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                name: string;
                                /** @example host */
                                role: string;
                                slug: string;
                            }[];
                            program: {
                                artworkUrl: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                categoryId: string | null;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                kind: string;
                                slug: string;
                                title: string;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            publishAt: string;
                            season: number | null;
                            tags: string[];
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 date-time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/preview/programs/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A draft program as its public page will show it, with the episodes it would list (with a preview token)
         * @description Never cached (no-store) nor indexed. The token names the program by id; the slug must be its current one.
         */
        get: {
            parameters: {
                query: {
                    /** @description The preview token of the link the studio made */
                    token: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            episodes: {
                                items: {
                                    description: string;
                                    durationSeconds: number | null;
                                    /** @enum {string} */
                                    episodeType: "full" | "trailer" | "bonus";
                                    explicit: boolean;
                                    /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                    guid: string;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /**
                                     * @description Content language (ISO 639-1)
                                     * @example ar
                                     * @enum {string}
                                     */
                                    language: "ar" | "en";
                                    media: {
                                        byteSize: number | null;
                                        /** @example audio */
                                        kind: string;
                                        /** @example audio/mpeg */
                                        mimeType: string;
                                        url: string;
                                    }[];
                                    number: number | null;
                                    people: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        name: string;
                                        /** @example host */
                                        role: string;
                                        slug: string;
                                    }[];
                                    program: {
                                        artworkUrl: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        categoryId: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        kind: string;
                                        slug: string;
                                        title: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    publishAt: string;
                                    season: number | null;
                                    tags: string[];
                                    title: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    updatedAt: string;
                                }[];
                                /** @description Pass as `cursor` for the next page; null on the last page */
                                nextCursor: string | null;
                            };
                            program: {
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public programs */
        get: {
            parameters: {
                query?: {
                    /** @description Category slug (includes subcategories) */
                    category?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    kind?: "podcast" | "series" | "documentary";
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                    /** @description latest: newest episode first */
                    sort?: "latest" | "title" | "published";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            })[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/programs/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A program with its newest episodes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            episodes: {
                                items: {
                                    description: string;
                                    durationSeconds: number | null;
                                    /** @enum {string} */
                                    episodeType: "full" | "trailer" | "bonus";
                                    explicit: boolean;
                                    /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                    guid: string;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /**
                                     * @description Content language (ISO 639-1)
                                     * @example ar
                                     * @enum {string}
                                     */
                                    language: "ar" | "en";
                                    media: {
                                        byteSize: number | null;
                                        /** @example audio */
                                        kind: string;
                                        /** @example audio/mpeg */
                                        mimeType: string;
                                        url: string;
                                    }[];
                                    number: number | null;
                                    people: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        name: string;
                                        /** @example host */
                                        role: string;
                                        slug: string;
                                    }[];
                                    program: {
                                        artworkUrl: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        categoryId: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        kind: string;
                                        slug: string;
                                        title: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    publishAt: string;
                                    season: number | null;
                                    tags: string[];
                                    title: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    updatedAt: string;
                                }[];
                                /** @description Pass as `cursor` for the next page; null on the last page */
                                nextCursor: string | null;
                            };
                            program: {
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/programs/{slug}/episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A program's episodes, newest or oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    sort?: "newest" | "oldest";
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/programs/{slug}/more-like-this": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programs like this one, from content: shared words (by rarity), category, language, people */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            })[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search programs and episodes
         * @description Full-text search in Arabic and English with filters, facet counts, highlighting and cursor pagination. When the words find fewer than a handful of hits, titles similar to them (typos) follow, marked match: "similar".
         */
        get: {
            parameters: {
                query?: {
                    /** @description Category slug (includes subcategories) */
                    category?: string;
                    /** @description nextCursor of the previous page (same words, filters and sort) */
                    cursor?: string;
                    /** @description Seconds */
                    durationMax?: number;
                    /** @description Seconds (episodes only: a duration filter leaves programs out) */
                    durationMin?: number;
                    /** @description Published at or after */
                    from?: string;
                    /** @description The program's kind */
                    kind?: "podcast" | "series" | "documentary";
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                    /** @description Program slug: the program and its episodes */
                    program?: string;
                    /**
                     * @description Words (all must match, any form: كتب finds الكُتُب), "exact phrases", -excluded words and -"phrases", Arabic and English mixed. Common words (في، هل، the) only rank. At most 64 distinct words and forms. Empty: every public document, by the filters.
                     * @example فنجان "الحلقة الأولى" -إعلان
                     */
                    q?: string;
                    sort?: "relevance" | "newest";
                    /** @description Published at or before (a date: that whole day) */
                    to?: string;
                    /** @description Only programs or only episodes (default both; each hit has a type) */
                    type?: "program" | "episode";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Counts over all hits (every page), with the filters applied */
                            facets: {
                                category: {
                                    /** @description Hits in this category and its subcategories */
                                    count: number;
                                    nameAr: string;
                                    nameEn: string;
                                    parentSlug: string | null;
                                    slug: string;
                                }[];
                                kind: {
                                    count: number;
                                    value: string;
                                }[];
                                language: {
                                    count: number;
                                    value: string;
                                }[];
                                type: {
                                    count: number;
                                    value: string;
                                }[];
                            };
                            items: {
                                /** @description Episodes: the episode (without its description; GET /api/discovery/episodes/{id} has it) */
                                episode?: {
                                    durationSeconds: number | null;
                                    /** @enum {string} */
                                    episodeType: "full" | "trailer" | "bonus";
                                    explicit: boolean;
                                    /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                    guid: string;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /**
                                     * @description Content language (ISO 639-1)
                                     * @example ar
                                     * @enum {string}
                                     */
                                    language: "ar" | "en";
                                    media: {
                                        byteSize: number | null;
                                        /** @example audio */
                                        kind: string;
                                        /** @example audio/mpeg */
                                        mimeType: string;
                                        url: string;
                                    }[];
                                    number: number | null;
                                    people: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        name: string;
                                        /** @example host */
                                        role: string;
                                        slug: string;
                                    }[];
                                    program: {
                                        artworkUrl: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        categoryId: string | null;
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        kind: string;
                                        slug: string;
                                        title: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    publishAt: string;
                                    season: number | null;
                                    tags: string[];
                                    title: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    updatedAt: string;
                                };
                                /** @description Ranges, not markup: render text with your own escaping and mark these ranges */
                                highlights: {
                                    description: {
                                        /** @description Matched words in `text` */
                                        highlights: number[][];
                                        /** @description A window of the description around the matches, … where cut */
                                        text: string;
                                    };
                                    /** @description Matched words in `title` */
                                    title: number[][];
                                };
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description words: the words matched; similar: typo tolerance (a title like the words); all: no words given
                                 * @enum {string}
                                 */
                                match: "words" | "similar" | "all";
                                /** @description Programs: the program (without its description; GET /api/discovery/programs/{slug} has it) */
                                program?: {
                                    artworkUrl: string | null;
                                    category: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        nameAr: string;
                                        nameEn: string;
                                        slug: string;
                                    } | null;
                                    explicit: boolean;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "podcast" | "series" | "documentary";
                                    /**
                                     * @description Content language (ISO 639-1)
                                     * @example ar
                                     * @enum {string}
                                     */
                                    language: "ar" | "en";
                                    people: {
                                        /**
                                         * Format: uuid
                                         * @description UUID
                                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                         */
                                        id: string;
                                        name: string;
                                        /** @example host */
                                        role: string;
                                        slug: string;
                                    }[];
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    publishedAt: string;
                                    slug: string;
                                    tags: string[];
                                    title: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    updatedAt: string;
                                } & {
                                    episodeCount: number;
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 date-time
                                     */
                                    latestEpisodeAt: string | null;
                                };
                                /** @description Relevance score (higher first); null when sorted by date */
                                score: number | null;
                                title: string;
                                /** @enum {string} */
                                type: "program" | "episode";
                            }[];
                            nextCursor: string | null;
                            query: {
                                excluded: string[];
                                /** @description Common words that only rank */
                                optional: string[];
                                phrases: string[];
                                /** @description True when the words found little and titles similar to them were added (typo tolerance) */
                                similar: boolean;
                                /** @description Terms every hit has (as analysed) */
                                terms: string[];
                            };
                            /** @description Hits in all pages */
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/search/clicks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a click on a search result (search analytics)
         * @description Counts a click on the result at `rank` of a search for `q`, by hour and normalised query. Nothing that identifies the listener is kept: no address, user agent or listener id. Send it with navigator.sendBeacon.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The clicked result (validated; not stored)
                         * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                         */
                        id: string;
                        /** @description The search, as sent to GET /api/discovery/search */
                        q: string;
                        /** @description Position of the clicked result, 1 = first (across pages) */
                        rank: number;
                        /** @enum {string} */
                        type: "program" | "episode";
                    };
                };
            };
            responses: {
                /** @description Counted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Complete what is being typed in the search box
         * @description Titles of programs and episodes, and names of hosts, whose words start with what was typed (normalised: احم finds أحمد, كتا finds الكتاب).
         */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    /**
                     * @description What has been typed; the last word is a prefix (at least 2 letters, not counting an Arabic article) unless followed by a space
                     * @example احم
                     */
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The typed words in `title` */
                                highlights: number[][];
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @description An episode's program */
                                program: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    slug: string;
                                    title: string;
                                } | null;
                                slug: string | null;
                                /** @description Title, or a person's name */
                                title: string;
                                /** @enum {string} */
                                type: "program" | "episode" | "person";
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/trending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trending now: episodes and programs by time-decayed listening (plays and listeners, halving every TRENDING_HALF_LIFE_HOURS) */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description Content language (ISO 639-1)
                     * @example ar
                     */
                    language?: "ar" | "en";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            episodes: {
                                description: string;
                                durationSeconds: number | null;
                                /** @enum {string} */
                                episodeType: "full" | "trailer" | "bonus";
                                explicit: boolean;
                                /** @description Stable id for podcast feeds: the source's id of an imported episode, else urn:uuid:<id>; never changes */
                                guid: string;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                media: {
                                    byteSize: number | null;
                                    /** @example audio */
                                    kind: string;
                                    /** @example audio/mpeg */
                                    mimeType: string;
                                    url: string;
                                }[];
                                number: number | null;
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                program: {
                                    artworkUrl: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    categoryId: string | null;
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    kind: string;
                                    slug: string;
                                    title: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishAt: string;
                                season: number | null;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            }[];
                            programs: ({
                                artworkUrl: string | null;
                                category: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    nameAr: string;
                                    nameEn: string;
                                    slug: string;
                                } | null;
                                description: string;
                                explicit: boolean;
                                /**
                                 * Format: uuid
                                 * @description UUID
                                 * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                 */
                                id: string;
                                /** @enum {string} */
                                kind: "podcast" | "series" | "documentary";
                                /**
                                 * @description Content language (ISO 639-1)
                                 * @example ar
                                 * @enum {string}
                                 */
                                language: "ar" | "en";
                                people: {
                                    /**
                                     * Format: uuid
                                     * @description UUID
                                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                                     */
                                    id: string;
                                    name: string;
                                    /** @example host */
                                    role: string;
                                    slug: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                publishedAt: string;
                                slug: string;
                                tags: string[];
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                updatedAt: string;
                            } & {
                                episodeCount: number;
                                /**
                                 * Format: uri-reference
                                 * @description The podcast feed (RSS), relative to this API's base URL: GET /feeds/{id}.xml
                                 * @example /feeds/0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61.xml
                                 */
                                feedUrl: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 date-time
                                 */
                                latestEpisodeAt: string | null;
                            })[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/studio/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the editors' studio signs in (OIDC authorization code + PKCE)
         * @description Public. `authority` is the OIDC issuer: the built-in development issuer on embedded defaults, `OIDC_ISSUER` otherwise.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uri */
                            authority: string;
                            clientId: string;
                            /** Format: uri */
                            postLogoutRedirectUri: string;
                            provider: "development" | "oidc";
                            /** Format: uri */
                            redirectUri: string;
                            /** @example openid profile */
                            scopes: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/{ref}.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A public program's podcast feed (RSS 2.0 with iTunes and Podcasting 2.0 tags)
         * @description The canonical URL uses the program id (`feedUrl` in Discovery program documents); a slug works too. Published episodes only, newest first. ETag and Last-Modified answer If-None-Match / If-Modified-Since with 304.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Program id (canonical) or slug */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The feed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/rss+xml": string;
                    };
                };
                /** @description Not modified since the ETag / date the client has */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/play/{asset}/{job}/{token}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rendition of a processed asset (the links episodes and programs carry): HLS playlists and segments, MP3, waveform, poster, artwork
         * @description Supports Range (206) and conditional requests. With S3 storage, binary files answer 302 to a short-lived presigned URL.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    asset: string;
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    job: string;
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * A rendition of a processed asset (the links episodes and programs carry): HLS playlists and segments, MP3, waveform, poster, artwork
         * @description Supports Range (206) and conditional requests. With S3 storage, binary files answer 302 to a short-lived presigned URL.
         */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    asset: string;
                    /**
                     * @description UUID
                     * @example 0b7f3c1e-4a8d-4f0e-9a57-2f1c3b9d8e61
                     */
                    job: string;
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail: string;
                            errors?: {
                                in: string;
                                message: string;
                                pointer: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
