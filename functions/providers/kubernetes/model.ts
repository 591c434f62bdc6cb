/*
 * The fields of the Kubernetes objects this provider reads (core/v1 Event and Pod,
 * apps/v1 Deployment and ReplicaSet), as the API serves them. Everything is optional:
 * the API omits empty fields.
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind?: string; name?: string; uid?: string }[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface Container {
  name?: string;
  image?: string;
}

export interface Deployment {
  metadata?: ObjectMeta;
  spec?: { replicas?: number; selector?: LabelSelector; template?: { spec?: { containers?: Container[] } } };
  status?: { replicas?: number; readyReplicas?: number; updatedReplicas?: number; unavailableReplicas?: number; conditions?: { type?: string; status?: string; reason?: string; message?: string; lastUpdateTime?: string }[] };
}

export interface ReplicaSet {
  metadata?: ObjectMeta;
  spec?: { replicas?: number; template?: { spec?: { containers?: Container[] } } };
}

export interface ContainerStateTerminated {
  exitCode?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface ContainerStatus {
  name?: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; running?: { startedAt?: string }; terminated?: ContainerStateTerminated };
  lastState?: { terminated?: ContainerStateTerminated };
}

export interface Pod {
  metadata?: ObjectMeta;
  spec?: { nodeName?: string };
  status?: { phase?: string; reason?: string; message?: string; startTime?: string; conditions?: { type?: string; lastTransitionTime?: string }[]; containerStatuses?: ContainerStatus[] };
}

export interface KubeEvent {
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; name?: string; namespace?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
}
